using Maestro.GrainInterfaces.AutoRepair;
using Maestro.Grains.TestRuns.Execution;

namespace Maestro.Grains.AutoRepair;

/// <summary>
/// Writes a fix's files into a project and puts them back. Every path is resolved (links followed) and must stay
/// inside the project folder; originals are read before anything is written, so the caller can persist them first
/// and a crash between writing and validating can still be undone.
/// </summary>
public sealed class ProjectFiles(IOptions<TestExecutionOptions> execution, IOptions<AutoRepairOptions> options)
{
    /// <summary>Each changed file's current text, or null when it does not exist yet.</summary>
    /// <exception cref="ArgumentException">A path leaves the project, or a file is larger than the limit.</exception>
    public Dictionary<string, string?> ReadOriginals(string projectPath, IReadOnlyList<FileChange> changes)
    {
        var originals = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            var path = Resolve(projectPath, change.Path);
            if (change.NewContent.Length > options.Value.MaxFileBytes)
            {
                throw new ArgumentException($"the fix's new '{change.Path}' is larger than {options.Value.MaxFileBytes} bytes", nameof(changes));
            }

            if (File.Exists(path) && new FileInfo(path).Length > options.Value.MaxFileBytes)
            {
                throw new ArgumentException($"'{change.Path}' is larger than {options.Value.MaxFileBytes} bytes; a fix may not rewrite it", nameof(changes));
            }

            originals[change.Path] = File.Exists(path) ? File.ReadAllText(path) : null;
        }

        return originals;
    }

    public void Apply(string projectPath, IReadOnlyList<FileChange> changes)
    {
        foreach (var change in changes)
        {
            WriteAtomically(Resolve(projectPath, change.Path), change.NewContent);
        }
    }

    /// <summary>Puts every file back as <paramref name="originals"/> recorded it (deleting the ones that did not exist).</summary>
    public void Restore(string projectPath, IReadOnlyDictionary<string, string?> originals)
    {
        foreach (var (relative, content) in originals)
        {
            var path = Resolve(projectPath, relative);
            if (content is null)
            {
                File.Delete(path);
            }
            else
            {
                WriteAtomically(path, content);
            }
        }
    }

    private string Resolve(string projectPath, string relative)
    {
        var path = WorkspacePathGuard.ResolveFile(execution.Value.WorkspaceRoot, projectPath, relative, "path");
        return WorkspacePathGuard.IsUnder(path, projectPath) && path != projectPath
            ? path
            : throw new ArgumentException($"'{relative}' resolves to '{path}', which is outside the project '{projectPath}'", nameof(relative));
    }

    // A reader (the monitor, the developer's editor) sees the old file or the new one, never half of one.
    private static void WriteAtomically(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + $".maestro-{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
