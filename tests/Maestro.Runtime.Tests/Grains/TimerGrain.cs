namespace Maestro.Runtime.Tests.Grains;

public sealed class TimerGrain(Probe probe) : Grain, ITimerGrain
{
    private IGrainTimer? timer;
    private bool inRequest;
    private int failures;

    public Task StartSlowTimer(TimeSpan period, bool interleave, bool keepAlive)
    {
        timer = this.RegisterGrainTimer(
            async ct =>
            {
                probe.Record($"tick:{IdentityString}");
                if (inRequest)
                {
                    probe.Record("tick-during-request");
                }

                using (probe.Enter())
                {
                    await Task.Delay(period * 3, ct);
                }
            },
            new GrainTimerCreationOptions(TimeSpan.Zero, period) { Interleave = interleave, KeepAlive = keepAlive });
        return Task.CompletedTask;
    }

    public Task StartFailingTimer(TimeSpan period)
    {
        timer = this.RegisterGrainTimer(
            () =>
            {
                probe.Record($"failing-tick:{++failures}");
                throw new InvalidOperationException("A tick that fails.");
            },
            TimeSpan.Zero,
            period);
        return Task.CompletedTask;
    }

    public Task StopTimer()
    {
        timer?.Dispose();
        return Task.CompletedTask;
    }

    public async Task HoldTurn(string signal)
    {
        inRequest = true;
        probe.Record("holding");
        try
        {
            await probe.Signal(signal).Task;
        }
        finally
        {
            inRequest = false;
        }
    }

    public Task<Guid> GetActivationId() => Task.FromResult(GrainContext.ActivationId);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{IdentityString}:{reason.ReasonCode}");
        return Task.CompletedTask;
    }
}
