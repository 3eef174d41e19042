using System.Collections.Concurrent;
using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// The journey suites running in this process, by suite name, while they run. Locator healing reads a suite's journeys
/// from here to patch the definition and re-run it: the suite's YAML travels with its run and is stored nowhere else.
/// </summary>
public sealed class ActiveJourneySuites
{
    private readonly ConcurrentDictionary<string, Entry> suites = new(StringComparer.Ordinal);

    /// <summary>Marks the suite as running until the returned handle is disposed; runs of one suite may overlap.</summary>
    public IDisposable Enter(TestSuiteSpec suite, string artifactDirectory)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var active = new ActiveJourneySuite(suite, artifactDirectory);
        suites.AddOrUpdate(suite.Name, _ => new Entry(active, 1), (_, e) => e with { Latest = active, Count = e.Count + 1 });
        return new Exit(this, suite.Name);
    }

    /// <summary>The suite's latest running entry, or null when none of its runs is in progress here.</summary>
    public ActiveJourneySuite? Find(string suiteName) => suites.TryGetValue(suiteName, out var entry) ? entry.Latest : null;

    private void Leave(string name)
    {
        while (suites.TryGetValue(name, out var entry))
        {
            var updated = entry.Count == 1 ? null : entry with { Count = entry.Count - 1 };
            if (updated is null ? suites.TryRemove(new KeyValuePair<string, Entry>(name, entry)) : suites.TryUpdate(name, updated, entry))
            {
                return;
            }
        }
    }

    private sealed record Entry(ActiveJourneySuite Latest, int Count);

    private sealed class Exit(ActiveJourneySuites owner, string name) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Leave(name);
            }
        }
    }
}
