using Maestro.GrainInterfaces.Workflows;
using Maestro.Runtime;

namespace Maestro.Grains.Workflows;

/// <summary>Lists the registered templates; each template grain records its new versions here.</summary>
public sealed class TemplateCatalogGrain([PersistentState("catalog")] IPersistentState<TemplateCatalogState> catalog) : Grain, ITemplateCatalogGrain
{
    public async Task Record(TemplateSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (catalog.State.Templates.TryGetValue(summary.Name, out var known) && known.LatestVersion >= summary.LatestVersion)
        {
            return;
        }

        catalog.State.Templates[summary.Name] = summary;
        await catalog.WriteStateAsync();
    }

    public Task<ResultPage<TemplateSummary>> List(int offset, int limit)
    {
        var all = catalog.State.Templates.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        return Task.FromResult(new ResultPage<TemplateSummary>([.. all.Skip(offset).Take(limit)], all.Count, offset, limit));
    }
}
