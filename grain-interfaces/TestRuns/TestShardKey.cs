using System.Globalization;

namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>The key of a shard's grain: the run id and the shard's index (run ids never hold '/').</summary>
public static class TestShardKey
{
    public static string For(string runId, int shard)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return $"{runId}/{shard.ToString(CultureInfo.InvariantCulture)}";
    }
}
