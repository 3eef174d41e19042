namespace Maestro.Runtime.TestingHost;

/// <summary>Settings of an <see cref="InProcessTestCluster"/>.</summary>
public sealed class InProcessTestClusterOptions
{
    /// <summary>A fresh id per cluster, so clusters in one test run never see each other's state.</summary>
    public string ServiceId { get; set; } = $"test-{Guid.NewGuid():N}";

    public string ClusterId { get; set; } = "test";

    /// <summary>Where the silo keeps its SQLite files; a new temporary folder by default, deleted on dispose.</summary>
    public string DataDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "maestro-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Delete <see cref="DataDirectory"/> when the cluster is disposed. Default true.</summary>
    public bool DeleteDataDirectoryOnDispose { get; set; } = true;
}
