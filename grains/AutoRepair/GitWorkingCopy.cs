using System.Text.RegularExpressions;
using Maestro.Grains.TestRuns.Execution;

namespace Maestro.Grains.AutoRepair;

/// <summary>
/// The git commands a repair needs, run as argument lists through the bounded process runner: whether the project is a
/// repository, the diff of a fix, a commit of exactly the repaired files with a trailer naming the repair, and finding
/// that commit again, so a repair interrupted by a crash never commits twice.
/// </summary>
public sealed partial class GitWorkingCopy(BoundedProcessRunner processes, IOptions<AutoRepairOptions> options)
{
    /// <summary>The trailer line a repair commit carries, e.g. <c>Maestro-Repair: shop/r-000001</c>.</summary>
    public static string Trailer(string projectId, string repairId) => $"Maestro-Repair: {projectId}/{repairId}";

    public async Task<bool> IsRepositoryAsync(string projectPath, string logFolder, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await GitAsync(projectPath, logFolder, ["rev-parse", "--is-inside-work-tree"], cancellationToken);
        return exitCode == 0 && output.Trim() == "true";
    }

    /// <summary>The working tree's changes to <paramref name="files"/> as a unified diff.</summary>
    public async Task<string> DiffAsync(string projectPath, IReadOnlyList<string> files, string logFolder, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await GitAsync(projectPath, logFolder, ["diff", "--no-color", "--no-ext-diff", "--", .. files], cancellationToken);
        return exitCode == 0 ? output : throw new InvalidOperationException($"git diff failed with exit code {exitCode}: {output.Trim()}");
    }

    /// <summary>Commits exactly <paramref name="files"/> (other staged or changed files are left alone); returns the new commit's hash.</summary>
    public async Task<string> CommitAsync(string projectPath, IReadOnlyList<string> files, string message, string logFolder, CancellationToken cancellationToken)
    {
        var (addExit, addOutput) = await GitAsync(projectPath, logFolder, ["add", "--", .. files], cancellationToken);
        if (addExit != 0)
        {
            throw new InvalidOperationException($"git add failed with exit code {addExit}: {addOutput.Trim()}");
        }

        var settings = options.Value;
        var (commitExit, commitOutput) = await GitAsync(
            projectPath,
            logFolder,
            ["-c", $"user.name={settings.CommitAuthorName}", "-c", $"user.email={settings.CommitAuthorEmail}", "commit", "--no-verify", "--quiet", "-m", message, "--only", "--", .. files],
            cancellationToken);
        if (commitExit != 0)
        {
            throw new InvalidOperationException($"git commit failed with exit code {commitExit}: {commitOutput.Trim()}");
        }

        return await HeadAsync(projectPath, logFolder, cancellationToken);
    }

    /// <summary>The newest commit carrying <paramref name="trailer"/>, or null.</summary>
    public async Task<string?> FindCommitAsync(string projectPath, string trailer, string logFolder, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await GitAsync(projectPath, logFolder, ["log", "-n", "1", "--fixed-strings", $"--grep={trailer}", "--format=%H"], cancellationToken);
        return exitCode == 0 && Hash().Match(output) is { Success: true } match ? match.Value : null;
    }

    public async Task<string> HeadAsync(string projectPath, string logFolder, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await GitAsync(projectPath, logFolder, ["rev-parse", "HEAD"], cancellationToken);
        return exitCode == 0 && Hash().Match(output) is { Success: true } match
            ? match.Value
            : throw new InvalidOperationException($"git rev-parse HEAD failed with exit code {exitCode}: {output.Trim()}");
    }

    private async Task<(int? ExitCode, string Output)> GitAsync(string projectPath, string logFolder, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        Directory.CreateDirectory(logFolder);
        var logPath = Path.Combine(logFolder, $"git-{arguments[0]}-{Guid.NewGuid():N}.log");

        // No pager, no prompts, no system or global configuration: the same result whoever runs the silo.
        var environment = new Dictionary<string, string>
        {
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_PAGER"] = "cat",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        };
        var result = await processes.RunAsync(new ProcessRunRequest([settings.GitPath, .. arguments], projectPath, environment, settings.GitTimeout, logPath), cancellationToken);
        var output = await File.ReadAllTextAsync(logPath, cancellationToken);
        File.Delete(logPath);
        return (result.TimedOut ? null : result.ExitCode, output);
    }

    [GeneratedRegex("\\b[0-9a-f]{40}\\b", RegexOptions.CultureInvariant)]
    private static partial Regex Hash();
}
