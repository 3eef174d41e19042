namespace Maestro.Grains.AutoRepair;

/// <summary>
/// Continuous auto-repair (<c>Maestro:AutoRepair</c>). Watched projects must lie under the test execution's
/// <c>WorkspaceRoot</c>, the one folder Maestro runs commands in; their logs go under its <c>ArtifactRoot</c>.
/// </summary>
public sealed class AutoRepairOptions
{
    public const string SectionName = "AutoRepair";

    /// <summary>How often a watched project checks which monitors are due. Default 1 s.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Shortest monitor interval a project may ask for. Default 5 s (the original's 30 s loops were fixed).</summary>
    public TimeSpan MinMonitorInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest a monitor command may run. Default 30 minutes.</summary>
    public TimeSpan MaxMonitorTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Repairs kept in a project's history; the oldest final ones are dropped first. Default 500.</summary>
    public int MaxHistory { get; set; } = 500;

    /// <summary>Largest file a fix may rewrite; its original is kept in the grain's state until the repair ends. Default 1 MiB.</summary>
    public int MaxFileBytes { get; set; } = 1 << 20;

    /// <summary>The author and committer of repair commits. Default <c>Maestro auto-repair</c>.</summary>
    public string CommitAuthorName { get; set; } = "Maestro auto-repair";

    /// <summary>Default <c>auto-repair@maestro.invalid</c>.</summary>
    public string CommitAuthorEmail { get; set; } = "auto-repair@maestro.invalid";

    /// <summary>The <c>git</c> executable. Default: <c>git</c> on PATH.</summary>
    public string GitPath { get; set; } = "git";

    /// <summary>How long one git command may take. Default 60 s.</summary>
    public TimeSpan GitTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public void Validate()
    {
        if (TickInterval < TimeSpan.FromMilliseconds(10) || MinMonitorInterval < TickInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(TickInterval), TickInterval, $"must be at least 10 ms and at most {nameof(MinMonitorInterval)} ({MinMonitorInterval})");
        }

        if (MaxMonitorTimeout <= TimeSpan.Zero || GitTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMonitorTimeout), $"{nameof(MaxMonitorTimeout)} and {nameof(GitTimeout)} must be positive");
        }

        if (MaxHistory is < 10 or > 100_000 || MaxFileBytes is < 1024 or > 64 << 20)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxHistory), $"{nameof(MaxHistory)} must be from 10 to 100 000 and {nameof(MaxFileBytes)} from 1 KiB to 64 MiB");
        }

        if (string.IsNullOrWhiteSpace(CommitAuthorName) || string.IsNullOrWhiteSpace(CommitAuthorEmail) || string.IsNullOrWhiteSpace(GitPath))
        {
            throw new ArgumentException($"{nameof(CommitAuthorName)}, {nameof(CommitAuthorEmail)} and {nameof(GitPath)} must be set");
        }
    }
}
