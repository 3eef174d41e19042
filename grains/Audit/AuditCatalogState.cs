namespace Maestro.Grains.Audit;

/// <summary>The persistent state of the <see cref="AuditCatalogGrain"/>.</summary>
public sealed class AuditCatalogState
{
    public List<DateOnly> Days { get; set; } = [];
}
