namespace Maestro.Grains.Workflows;

/// <summary>Runs one kind of step once. Throw <see cref="StepFailedException"/> for a retryable failure; honour the token (it is cancelled on timeout and cancel).</summary>
public interface IStepExecutor
{
    StepKind Kind { get; }

    Task<IReadOnlyDictionary<string, string>> ExecuteAsync(StepInvocation invocation, CancellationToken cancellationToken);
}
