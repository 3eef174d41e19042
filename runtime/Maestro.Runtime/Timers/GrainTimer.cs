using Maestro.Runtime.Activation;

namespace Maestro.Runtime.Timers;

/// <summary>
/// A grain timer. A tick is queued to the activation like a request (so it respects the grain's turns unless
/// <see cref="GrainTimerCreationOptions.Interleave"/>), and the next tick is scheduled only after the callback's task
/// completes, so ticks never overlap.
/// </summary>
internal sealed class GrainTimer<TState> : IGrainTimer, IActivationTimer
{
    private readonly ActivationData activation;
    private readonly Func<TState, CancellationToken, Task> callback;
    private readonly TState state;
    private readonly GrainTimerCreationOptions options;
    private readonly CancellationTokenSource disposed = new();
    private readonly Timer timer;
    private readonly Lock sync = new();
    private TimeSpan period;
    private bool tickQueued;

    public GrainTimer(ActivationData activation, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        Validate(options.DueTime, options.Period);
        this.activation = activation;
        this.callback = callback;
        this.state = state;
        this.options = options;
        period = options.Period;
        timer = new Timer(static t => ((GrainTimer<TState>)t!).OnDue(), this, Timeout.Infinite, Timeout.Infinite);
        activation.AddTimer(this);
        timer.Change(options.DueTime, Timeout.InfiniteTimeSpan);
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        lock (sync)
        {
            ObjectDisposedException.ThrowIf(disposed.IsCancellationRequested, this);
            this.period = period;
            if (!tickQueued)
            {
                timer.Change(dueTime, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        lock (sync)
        {
            if (disposed.IsCancellationRequested)
            {
                return;
            }

            disposed.Cancel();
            timer.Dispose();
        }

        activation.RemoveTimer(this);
    }

    private static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A timer's due time must be zero or more, or Timeout.InfiniteTimeSpan.");
        }

        if (period <= TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A timer's period must be positive, or Timeout.InfiniteTimeSpan for a single tick.");
        }
    }

    private void OnDue()
    {
        lock (sync)
        {
            if (disposed.IsCancellationRequested)
            {
                return;
            }

            tickQueued = true;
        }

        if (!activation.Enqueue(new Tick(this)))
        {
            Dispose();
        }
    }

    private async Task RunTickAsync()
    {
        try
        {
            if (!disposed.IsCancellationRequested)
            {
                await callback(state, disposed.Token);
            }
        }
        catch (Exception ex) when (!disposed.IsCancellationRequested || ex is not OperationCanceledException)
        {
            activation.Runtime.Logger.LogError(ex, "Timer callback on {Activation} failed; the timer keeps running.", activation);
        }
        catch (OperationCanceledException)
        {
            // The timer was disposed while its callback ran.
        }
        finally
        {
            ScheduleNext();
        }
    }

    private void ScheduleNext()
    {
        lock (sync)
        {
            tickQueued = false;
            if (!disposed.IsCancellationRequested && period != Timeout.InfiniteTimeSpan)
            {
                timer.Change(period, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private sealed class Tick(GrainTimer<TState> owner) : ActivationWorkItem
    {
        public override bool AlwaysInterleave => owner.options.Interleave;

        public override bool CountsAsActivity => owner.options.KeepAlive;

        public override Task ExecuteAsync(ActivationData activation) => owner.RunTickAsync();

        public override void Fail(Exception exception) => owner.Dispose();
    }
}
