namespace Maestro.Grains.Workflows;

/// <summary>Waits out what remains of the duration since the step started, so a workflow resumed after a crash does not start the wait again.</summary>
public sealed class WaitStepExecutor(TimeProvider timeProvider) : IStepExecutor
{
    public StepKind Kind => StepKind.Wait;

    public async Task<IReadOnlyDictionary<string, string>> ExecuteAsync(StepInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var spec = (WaitStepSpec)invocation.Step.Spec;
        var remaining = invocation.StepStartedAt + spec.Duration - timeProvider.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, timeProvider, cancellationToken);
        }

        return new Dictionary<string, string>();
    }
}
