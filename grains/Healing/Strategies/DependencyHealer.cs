using System.Text.RegularExpressions;
using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing.Strategies;

/// <summary>
/// Reads a missing package or module from .NET, npm and Python errors and proposes the install command as an argument
/// list (never a shell line). Names are checked against each ecosystem's package-name rules, so nothing odd from an
/// error message reaches a command. Relative imports are the project's own files, not packages: no fix.
/// </summary>
public static partial class DependencyHealer
{
    // Import names whose package is called something else.
    private static readonly Dictionary<string, string> PythonPackages = new(StringComparer.Ordinal)
    {
        ["yaml"] = "PyYAML",
        ["cv2"] = "opencv-python",
        ["PIL"] = "Pillow",
        ["sklearn"] = "scikit-learn",
        ["bs4"] = "beautifulsoup4",
        ["dateutil"] = "python-dateutil",
        ["dotenv"] = "python-dotenv",
    };

    public static MissingDependency? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (PythonModule().Match(text) is { Success: true } py)
        {
            var module = py.Groups["name"].Value.Split('.')[0];
            var mapped = PythonPackages.TryGetValue(module, out var package);
            return new MissingDependency("python", module, mapped ? package! : module, mapped ? 0.9 : 0.8, py.Value);
        }

        if (NodeModule().Match(text) is { Success: true } node)
        {
            var name = node.Groups["name"].Value;
            if (name.StartsWith('.') || name.StartsWith('/'))
            {
                return null;
            }

            var parts = name.Split('/');
            var package = name.StartsWith('@') && parts.Length >= 2 ? $"{parts[0]}/{parts[1]}" : parts[0];
            return NpmName().IsMatch(package) ? new MissingDependency("npm", name, package, 0.85, node.Value) : null;
        }

        if (NuGetPackage().Match(text) is { Success: true } nuget)
        {
            return new MissingDependency("dotnet", nuget.Groups["name"].Value, nuget.Groups["name"].Value, 0.85, nuget.Value);
        }

        if (DotNetAssembly().Match(text) is { Success: true } assembly)
        {
            return new MissingDependency("dotnet", assembly.Groups["name"].Value, assembly.Groups["name"].Value, 0.8, assembly.Value);
        }

        // A missing namespace names the package only by convention: propose it, with less confidence.
        return DotNetNamespace().Match(text) is { Success: true } ns
            ? new MissingDependency("dotnet", ns.Groups["name"].Value, ns.Groups["name"].Value, 0.65, ns.Value)
            : null;
    }

    public static StrategyResult Heal(HealingFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (Find($"{failure.ErrorMessage}\n{failure.StackTrace}") is not { } missing)
        {
            return StrategyResult.None("The error names no missing package or module.");
        }

        IReadOnlyList<string> command = missing.Ecosystem switch
        {
            "python" => ["python", "-m", "pip", "install", missing.Package],
            "npm" => ["npm", "install", "--save-dev", missing.Package],
            _ => ["dotnet", "add", "package", missing.Package],
        };
        var evidence = new List<string> { $"Error: {missing.Evidence}" };
        if (!string.Equals(missing.Name, missing.Package, StringComparison.Ordinal))
        {
            evidence.Add($"'{missing.Name}' is provided by the package '{missing.Package}'.");
        }

        var fix = new HealingFix(HealingStrategy.Dependency, $"Add the {missing.Ecosystem} package '{missing.Package}': {string.Join(' ', command)}",
            missing.Confidence, evidence, string.Join(' ', command), null);
        return new StrategyResult(fix, [new HealingCandidate($"{missing.Ecosystem} package {missing.Package}", missing.Confidence, [], null, null)], []);
    }

    [GeneratedRegex(@"(?:ModuleNotFoundError|ImportError): No module named '(?<name>[A-Za-z_][A-Za-z0-9_.]*)'", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PythonModule();

    [GeneratedRegex(@"Cannot find (?:module|package) '(?<name>[^'\s]+)'", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NodeModule();

    [GeneratedRegex(@"^(?:@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NpmName();

    [GeneratedRegex(@"NU1101: Unable to find package (?<name>[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NuGetPackage();

    [GeneratedRegex(@"Could not load file or assembly '(?<name>[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DotNetAssembly();

    [GeneratedRegex(@"CS0246: The type or namespace name '(?<name>[A-Za-z_][A-Za-z0-9_.]*)' could not be found", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DotNetNamespace();
}
