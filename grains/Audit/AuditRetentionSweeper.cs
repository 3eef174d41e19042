using System.Globalization;
using Maestro.GrainInterfaces.Audit;
using Maestro.Grains.Hosting;

namespace Maestro.Grains.Audit;

/// <summary>
/// Deletes the audit days older than <see cref="AuditOptions.RetentionDays"/>, at start and every
/// <see cref="AuditOptions.RetentionSweepPeriod"/>. Every silo runs it; purging a day twice is harmless.
/// </summary>
public sealed partial class AuditRetentionSweeper(
    IGrainFactory grains,
    IOptions<AuditOptions> options,
    TimeProvider timeProvider,
    ILogger<AuditRetentionSweeper> logger) : PeriodicSiloService(timeProvider, logger)
{
    protected override TimeSpan Period => options.Value.RetentionSweepPeriod;

    protected override string RoundName => "The audit retention sweep";

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => SweepAsync();

    /// <summary>Purges every day before the retention cutoff; returns how many records were deleted.</summary>
    public async Task<int> SweepAsync()
    {
        var cutoff = GrainAuditLog.RetentionCutoff(TimeProvider.GetUtcNow(), options.Value.RetentionDays);
        var expired = await grains.GetGrain<IAuditCatalogGrain>(IAuditCatalogGrain.Key).ListDaysAsync(null, cutoff.AddDays(-1));
        var deleted = 0;
        foreach (var day in expired)
        {
            deleted += await grains.GetGrain<IAuditDayGrain>(day.ToString(AuditDayGrain.DayFormat, CultureInfo.InvariantCulture)).PurgeAsync();
        }

        if (expired.Count > 0)
        {
            LogSwept(Logger, deleted, expired.Count, cutoff);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit retention: deleted {Records} records of {Days} days before {Cutoff}.")]
    private static partial void LogSwept(ILogger logger, int records, int days, DateOnly cutoff);
}
