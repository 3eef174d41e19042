namespace Maestro.Grains.TestRuns.Execution;

/// <summary>
/// Running suites (<c>Maestro:TestExecution</c>): where commands may run, where artifacts go, how long a run may take,
/// how much output is kept, and the limits on shards and retries a request may ask for.
/// </summary>
public sealed class TestExecutionOptions
{
    public const string SectionName = "TestExecution";

    /// <summary>Command adapters run only in folders under this one (symlinks resolved). Default: <c>workspaces</c> under the current directory.</summary>
    public string WorkspaceRoot { get; set; } = Path.Combine(Environment.CurrentDirectory, "workspaces");

    /// <summary>Logs, result files and other artifacts go to <c>ArtifactRoot/RUN/shard-N/attempt-M</c>. Default: <c>artifacts</c> under the current directory.</summary>
    public string ArtifactRoot { get; set; } = Path.Combine(Environment.CurrentDirectory, "artifacts");

    /// <summary>How long one adapter run of a shard may take when the suite does not say. Default 30 minutes.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The most a suite may ask for (<c>timeoutSeconds</c>). Default 6 hours.</summary>
    public TimeSpan MaxTimeout { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Bytes of a command's output (stdout and stderr together) kept in its log; the rest is counted and dropped. Default 1 MiB.</summary>
    public int MaxLogBytes { get; set; } = 1 << 20;

    /// <summary>The most shards a run may ask for. Default 64.</summary>
    public int MaxShards { get; set; } = 64;

    /// <summary>The most retries per test a run may ask for. Default 5.</summary>
    public int MaxRetriesPerTest { get; set; } = 5;

    /// <summary>The expected duration of a test when neither it nor any other test of the suite has a history. Default 1 s.</summary>
    public double DefaultTestDurationMs { get; set; } = 1000;

    /// <summary>How often a running run asks its shards how they are, to resume a shard whose silo died. Default 10 s.</summary>
    public TimeSpan ShardCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The <c>dotnet</c> executable the <c>dotnet-test</c> adapter starts. Default: <c>dotnet</c> on PATH.</summary>
    public string DotnetPath { get; set; } = "dotnet";

    public void Validate()
    {
        foreach (var (name, path) in new[] { (nameof(WorkspaceRoot), WorkspaceRoot), (nameof(ArtifactRoot), ArtifactRoot) })
        {
            if (string.IsNullOrWhiteSpace(path) || !Path.IsPathFullyQualified(path))
            {
                throw new ArgumentException($"{name} must be an absolute path, not '{path}'", name);
            }
        }

        if (DefaultTimeout <= TimeSpan.Zero || DefaultTimeout > MaxTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultTimeout), DefaultTimeout, $"must be positive and at most {nameof(MaxTimeout)} ({MaxTimeout})");
        }

        if (MaxLogBytes is < 1024 or > 256 << 20)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLogBytes), MaxLogBytes, "must be from 1 KiB to 256 MiB");
        }

        if (MaxShards is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxShards), MaxShards, "must be from 1 to 1000");
        }

        if (MaxRetriesPerTest is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetriesPerTest), MaxRetriesPerTest, "must be from 0 to 100");
        }

        if (DefaultTestDurationMs is <= 0 or double.NaN)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultTestDurationMs), DefaultTestDurationMs, "must be positive");
        }

        if (ShardCheckInterval < TimeSpan.FromMilliseconds(50))
        {
            throw new ArgumentOutOfRangeException(nameof(ShardCheckInterval), ShardCheckInterval, "must be at least 50 ms");
        }

        if (string.IsNullOrWhiteSpace(DotnetPath))
        {
            throw new ArgumentException($"{nameof(DotnetPath)} must name the dotnet executable", nameof(DotnetPath));
        }
    }
}
