using System.Globalization;
using Maestro.GrainInterfaces.Audit;
using Microsoft.Extensions.Hosting;

namespace Maestro.Grains.Audit;

/// <summary>
/// Deletes the audit days older than <see cref="AuditOptions.RetentionDays"/>, at start and every
/// <see cref="AuditOptions.RetentionSweepPeriod"/>. Every silo runs it; purging a day twice is harmless.
/// </summary>
public sealed partial class AuditRetentionSweeper(
    IGrainFactory grains,
    IOptions<AuditOptions> options,
    TimeProvider timeProvider,
    ILogger<AuditRetentionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, ex);
            }

            await Task.Delay(options.Value.RetentionSweepPeriod, timeProvider, stoppingToken);
        }
    }

    /// <summary>Purges every day before the retention cutoff; returns how many records were deleted.</summary>
    public async Task<int> SweepAsync()
    {
        var cutoff = GrainAuditLog.RetentionCutoff(timeProvider.GetUtcNow(), options.Value.RetentionDays);
        var expired = await grains.GetGrain<IAuditCatalogGrain>(IAuditCatalogGrain.Key).ListDaysAsync(null, cutoff.AddDays(-1));
        var deleted = 0;
        foreach (var day in expired)
        {
            deleted += await grains.GetGrain<IAuditDayGrain>(day.ToString(AuditDayGrain.DayFormat, CultureInfo.InvariantCulture)).PurgeAsync();
        }

        if (expired.Count > 0)
        {
            LogSwept(logger, deleted, expired.Count, cutoff);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit retention: deleted {Records} records of {Days} days before {Cutoff}.")]
    private static partial void LogSwept(ILogger logger, int records, int days, DateOnly cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit retention sweep failed; trying again next period.")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
