namespace Maestro.Runtime.Tests.Grains;

/// <summary>Fails to activate while the probe's "allow-activation" signal is unset.</summary>
public sealed class FailingActivationGrain(Probe probe) : Grain, IFailingActivationGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        probe.Signal("allow-activation").Task.IsCompleted
            ? Task.CompletedTask
            : throw new InvalidOperationException("Activation refused by the test.");

    public Task<string> Hello() => Task.FromResult("hello");
}
