using Maestro.GrainInterfaces.AutoRepair;

namespace Maestro.Grains.AutoRepair.Monitoring;

/// <summary>
/// The monitors a project gets when it is started without any (as the original's stream job did): chosen from the
/// files at its root, with the original's intervals (tests 30 s, types 45 s, build and lint 60 s), each reading the
/// tool's machine-readable report rather than its console text. Reports go to <c>.maestro/</c> in the project.
/// </summary>
public static class MonitorDetector
{
    public static IReadOnlyList<MonitorDefinition> Detect(string projectPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectPath);
        bool Has(params string[] patterns) => patterns.Any(p => Directory.EnumerateFiles(projectPath, p, SearchOption.TopDirectoryOnly).Any());
        var monitors = new List<MonitorDefinition>();
        if (Has("*.sln", "*.slnx", "*.csproj", "*.fsproj"))
        {
            string[] trx = ["--logger", "trx;LogFileName=maestro-tests.trx", "--results-directory", ".maestro"];
            monitors.Add(new MonitorDefinition("dotnet-test", FindingKind.TestFailure, ["dotnet", "test", .. trx], MonitorOutput.Trx, ".maestro/maestro-tests.trx", 30, 600,
                ["dotnet", "test", "--filter", "FullyQualifiedName={test}", .. trx]));
            monitors.Add(new MonitorDefinition("dotnet-build", FindingKind.BuildError, ["dotnet", "build", "-nologo"], MonitorOutput.Diagnostics, null, 60, 600));
        }

        if (Has("package.json"))
        {
            monitors.Add(new MonitorDefinition("npm-test", FindingKind.TestFailure, ["npx", "--no-install", "jest", "--json", "--outputFile=.maestro/jest.json"], MonitorOutput.JestJson, ".maestro/jest.json", 30, 120,
                ["npx", "--no-install", "jest", "--json", "--outputFile=.maestro/jest.json", "--testNamePattern={test}"]));
        }

        if (Has("tsconfig.json"))
        {
            monitors.Add(new MonitorDefinition("tsc", FindingKind.TypeError, ["npx", "--no-install", "tsc", "--noEmit", "--pretty", "false"], MonitorOutput.Diagnostics, null, 45, 60));
        }

        if (Has(".eslintrc.js", ".eslintrc.cjs", ".eslintrc.json", "eslint.config.js", "eslint.config.mjs"))
        {
            monitors.Add(new MonitorDefinition("eslint", FindingKind.LintError, ["npx", "--no-install", "eslint", ".", "--format", "json", "--output-file", ".maestro/eslint.json"], MonitorOutput.EslintJson, ".maestro/eslint.json", 60, 60));
        }

        if (Has("pytest.ini", "pyproject.toml", "setup.cfg", "tox.ini"))
        {
            monitors.Add(new MonitorDefinition("pytest", FindingKind.TestFailure, ["python3", "-m", "pytest", "--junitxml=.maestro/pytest.xml"], MonitorOutput.JUnit, ".maestro/pytest.xml", 30, 120));
        }

        return monitors;
    }
}
