using System.Globalization;

namespace Maestro.Grains.Workflows;

/// <summary>Renders the payload and hands it to the <see cref="IWorkflowEventPublisher"/>. Output: <c>sequence</c>.</summary>
public sealed class PublishStepExecutor(IWorkflowEventPublisher publisher) : IStepExecutor
{
    public StepKind Kind => StepKind.Publish;

    public async Task<IReadOnlyDictionary<string, string>> ExecuteAsync(StepInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var spec = (PublishStepSpec)invocation.Step.Spec;
        var payload = spec.Payload.ToDictionary(kv => kv.Key, kv => invocation.Scope.Render(kv.Value.Value), StringComparer.Ordinal);
        var sequence = await publisher.PublishAsync(invocation.Scope.Render(spec.Stream.Value), invocation.WorkflowId, invocation.Step.Id, payload, cancellationToken);
        return new Dictionary<string, string> { ["sequence"] = sequence.ToString(CultureInfo.InvariantCulture) };
    }
}
