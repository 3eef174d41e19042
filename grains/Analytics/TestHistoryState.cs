using Maestro.GrainInterfaces.Analytics;

namespace Maestro.Grains.Analytics;

/// <summary>A test's kept results, oldest first, bounded by <c>MaxHistoryEntriesPerTest</c>.</summary>
public sealed class TestHistoryState
{
    public List<TestHistoryEntry> Entries { get; set; } = [];
}
