namespace Maestro.Grains.TestRuns.Execution;

/// <summary>The name of the silo a shard runs on, as runs report it. The host supplies it (the silo's configured name).</summary>
public sealed class SiloIdentity(Func<string> name)
{
    public string Name => name();
}
