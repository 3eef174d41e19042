using Maestro.Runtime.Statistics;

namespace Maestro.Dashboard.Statistics;

/// <summary>Adds up the silos' reports into the cluster overview: history by second, grain types, top methods.</summary>
public static class ClusterOverviewBuilder
{
    private const int TopCount = 5;

    /// <param name="hosts">Every silo the membership knows.</param>
    /// <param name="reports">The report of each silo that answered, by address; a missing one is shown with its error.</param>
    /// <param name="errors">Why a silo did not answer, by address.</param>
    /// <param name="now">The time of the answer, for uptimes.</param>
    public static ClusterOverview Build(
        IReadOnlyList<SiloHostInfo> hosts, IReadOnlyDictionary<string, SiloStatistics> reports, IReadOnlyDictionary<string, string> errors, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(errors);
        var silos = hosts
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .Select(h => reports.TryGetValue(h.Address, out var r)
                ? new SiloView(h.Address, h.Name, h.Status, h.Gateway, h.StartTime, Uptime(h.StartTime, now), r.ActivationCount, r.CpuPercent, r.WorkingSetBytes, r.AvailableMemoryBytes, r.Collecting, null)
                : new SiloView(h.Address, h.Name, h.Status, h.Gateway, h.StartTime, Uptime(h.StartTime, now), h.ActivationCount, null, null, null, false, errors.GetValueOrDefault(h.Address)))
            .ToList();

        var history = reports.Values
            .SelectMany(r => r.History)
            .GroupBy(s => s.UnixSecond)
            .OrderBy(g => g.Key)
            .TakeLast(GrainCallStatistics.HistoryLength)
            .Select(g =>
            {
                var calls = g.Sum(s => s.Calls);
                return new ClusterSample(g.Key, calls, g.Sum(s => s.Errors), Average(g.Sum(s => s.TotalMilliseconds), calls));
            })
            .ToList();

        var methods = reports.Values
            .SelectMany(r => r.Methods)
            .GroupBy(m => (m.GrainType, m.Method))
            .Select(g => View(g.Key.GrainType, g.Key.Method, g.Sum(m => m.Calls), g.Sum(m => m.Errors), g.Sum(m => m.TotalMilliseconds)))
            .ToList();

        var activations = reports.Values
            .SelectMany(r => r.ActivationsByType)
            .GroupBy(a => a.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(a => a.Value), StringComparer.Ordinal);

        var types = activations.Keys.Union(methods.Select(m => m.GrainType), StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(type =>
            {
                var own = methods.Where(m => m.GrainType == type).OrderBy(m => m.Method, StringComparer.Ordinal).ToList();
                var calls = own.Sum(m => m.Calls);
                return new GrainTypeView(type, activations.GetValueOrDefault(type), calls, own.Sum(m => m.Errors), Average(own.Sum(m => m.AverageMilliseconds * m.Calls), calls), own);
            })
            .ToList();

        var last = history.Count > 0 ? history[^1] : new ClusterSample(now.ToUnixTimeSeconds(), 0, 0, 0);
        var top = new TopMethods(
            [.. methods.OrderByDescending(m => m.Calls).Take(TopCount)],
            [.. methods.Where(m => m.Errors > 0).OrderByDescending(m => m.ErrorPercent).ThenByDescending(m => m.Errors).Take(TopCount)],
            [.. methods.OrderByDescending(m => m.AverageMilliseconds).Take(TopCount)]);

        return new ClusterOverview(
            reports.Count > 0 && reports.Values.All(r => r.Collecting),
            hosts.Count(h => h.Status == "Active"),
            reports.Values.Sum(r => r.ActivationCount),
            methods.Sum(m => m.Calls),
            last.Calls,
            last.Calls == 0 ? 0 : last.Errors * 100.0 / last.Calls,
            last.AverageMilliseconds,
            history,
            silos,
            types,
            top);
    }

    private static MethodView View(string grainType, string method, long calls, long errors, double totalMilliseconds) =>
        new(grainType, method, calls, errors, calls == 0 ? 0 : errors * 100.0 / calls, Average(totalMilliseconds, calls));

    private static double Average(double totalMilliseconds, long calls) => calls == 0 ? 0 : totalMilliseconds / calls;

    private static double Uptime(DateTimeOffset startedAt, DateTimeOffset now) => Math.Max(0, (now - startedAt).TotalSeconds);
}
