namespace Maestro.Grains.TestRuns.Execution;

/// <summary>
/// Resolves paths a suite names to real paths (every symlink followed, <c>..</c> applied after each link, as the
/// kernel does) and refuses any that do not end up under the workspace root. Callers use the resolved path, never the
/// text they were given, so a link swapped in later cannot move a checked path elsewhere between check and use less
/// than it could with the original text.
/// </summary>
public static class WorkspacePathGuard
{
    private const int MaxLinkHops = 40;

    /// <summary>The working directory a suite names (relative to the root, or absolute), resolved; it must exist under the root.</summary>
    /// <exception cref="ArgumentException">It is outside the root (after following links), or not an existing folder; the message says which.</exception>
    public static string ResolveWorkingDirectory(string root, string? workingDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var realRoot = RealPath(root);
        var resolved = string.IsNullOrWhiteSpace(workingDirectory) ? realRoot : RealPath(Path.IsPathRooted(workingDirectory) ? workingDirectory : Path.Join(realRoot, workingDirectory));
        if (!IsUnder(resolved, realRoot))
        {
            throw new ArgumentException($"workingDirectory '{workingDirectory}' resolves to '{resolved}', which is outside the workspace root '{realRoot}'", "workingDirectory");
        }

        if (!Directory.Exists(resolved))
        {
            throw new ArgumentException($"workingDirectory '{workingDirectory}' is not an existing folder under the workspace root '{realRoot}'", "workingDirectory");
        }

        return resolved;
    }

    /// <summary>A file relative to a resolved working directory, resolved; it must stay under the root (it need not exist yet).</summary>
    /// <exception cref="ArgumentException">It is absolute, or outside the root after following links.</exception>
    public static string ResolveFile(string root, string workingDirectory, string relativePath, string field)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath, field);
        if (Path.IsPathRooted(relativePath))
        {
            throw new ArgumentException($"{field} '{relativePath}' must be relative to the working directory", field);
        }

        var realRoot = RealPath(root);
        var resolved = RealPath(Path.Join(workingDirectory, relativePath));
        if (!IsUnder(resolved, realRoot) || resolved == realRoot)
        {
            throw new ArgumentException($"{field} '{relativePath}' resolves to '{resolved}', which is outside the workspace root '{realRoot}'", field);
        }

        return resolved;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or inside it; both already resolved.</summary>
    public static bool IsUnder(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symlink followed and every <c>.</c> and <c>..</c> applied in order; parts that do not exist are kept as written.</summary>
    public static string RealPath(string path)
    {
        var full = Path.IsPathRooted(path) ? path : Path.Join(Environment.CurrentDirectory, path);
        var pending = new LinkedList<string>(Split(full));
        var current = Path.GetPathRoot(full) ?? Path.DirectorySeparatorChar.ToString();
        var hops = 0;
        while (pending.First is { } first)
        {
            pending.RemoveFirst();
            var part = first.Value;
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var candidate = Path.Join(current, part);
            if (new FileInfo(candidate).LinkTarget is { } target)
            {
                if (++hops > MaxLinkHops)
                {
                    throw new ArgumentException($"'{path}' has more than {MaxLinkHops} symbolic links in a row");
                }

                // The link's target replaces it, relative to the folder holding the link unless it is absolute.
                if (Path.IsPathRooted(target))
                {
                    current = Path.GetPathRoot(target) ?? current;
                }

                foreach (var targetPart in Split(target).Reverse())
                {
                    pending.AddFirst(targetPart);
                }

                continue;
            }

            current = candidate;
        }

        return current;
    }

    private static string[] Split(string path) => path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
}
