namespace Maestro.Bench;

/// <summary>Which figures a run measures.</summary>
[Flags]
internal enum BenchSuite
{
    Calls = 1,
    Storage = 2,
    All = Calls | Storage,
}
