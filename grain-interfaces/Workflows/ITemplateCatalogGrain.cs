using Maestro.Runtime;

namespace Maestro.GrainInterfaces.Workflows;

/// <summary>The names of every registered template with their latest version number (one grain, key <see cref="Key"/>).</summary>
public interface ITemplateCatalogGrain : IGrainWithStringKey
{
    public const string Key = "all";

    Task Record(TemplateSummary summary);

    /// <summary>Templates ordered by name.</summary>
    Task<ResultPage<TemplateSummary>> List(int offset, int limit);
}
