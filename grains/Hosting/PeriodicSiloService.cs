using Microsoft.Extensions.Hosting;

namespace Maestro.Grains.Hosting;

/// <summary>
/// Work every silo does once at start and then every <see cref="Period"/>: waking grains whose timers died with a
/// silo, sweeping old records. A round that fails (the silo still joining, another silo just died) is logged and
/// simply tried again next period; several silos doing the same round is harmless by design of each subclass.
/// </summary>
public abstract class PeriodicSiloService(TimeProvider timeProvider, ILogger logger) : BackgroundService
{
    private readonly TaskCompletionSource firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the round at start has ended, whether it succeeded or not (tests wait on it).</summary>
    public Task FirstRoundEnded => firstRound.Task;

    protected TimeProvider TimeProvider { get; } = timeProvider;

    protected ILogger Logger { get; } = logger;

    /// <summary>The time between the end of one round and the start of the next.</summary>
    protected abstract TimeSpan Period { get; }

    /// <summary>What a round does, for the log line of a failed one ("Waking the registered services").</summary>
    protected abstract string RoundName { get; }

    protected abstract Task RunRoundAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Logger.LogWarning(ex, "{Round} failed; trying again in {Period}.", RoundName, Period);
            }
            finally
            {
                firstRound.TrySetResult();
            }

            await Task.Delay(Period, TimeProvider, stoppingToken);
        }
    }
}
