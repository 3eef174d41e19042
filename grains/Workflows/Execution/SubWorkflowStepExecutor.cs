using Maestro.GrainInterfaces.Workflows;
using Maestro.Runtime;

namespace Maestro.Grains.Workflows;

/// <summary>
/// Renders the template, starts it as a child workflow with a deterministic id (<c>PARENT--STEP</c>, plus <c>-N</c> per
/// fan-out item) so a resumed parent finds its child instead of starting another, and polls it to its end. Cancelling
/// the step for good cancels the child; a parent that is only suspended (its silo stopping) leaves the child running.
/// Outputs: the child workflow's outputs.
/// </summary>
public sealed class SubWorkflowStepExecutor(IGrainFactory grains) : IStepExecutor
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public StepKind Kind => StepKind.Workflow;

    public static string ChildId(string parentId, string stepId, int? itemIndex) =>
        itemIndex is null ? $"{parentId}--{stepId}" : $"{parentId}--{stepId}-{itemIndex}";

    public async Task<IReadOnlyDictionary<string, string>> ExecuteAsync(StepInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var spec = (SubWorkflowStepSpec)invocation.Step.Spec;
        var scope = invocation.Scope;
        var parameters = spec.Parameters.ToDictionary(kv => kv.Key, kv => scope.Render(kv.Value.Value), StringComparer.Ordinal);
        var rendered = await grains.GetGrain<IWorkflowTemplateGrain>(spec.Template).Render(spec.Version, parameters);
        if (rendered.Yaml is null)
        {
            throw new StepFailedException($"template '{spec.Template}' cannot be rendered: {string.Join("; ", rendered.Errors)}");
        }

        var inputs = spec.Inputs.ToDictionary(kv => kv.Key, kv => scope.Render(kv.Value.Value), StringComparer.Ordinal);
        var child = grains.GetGrain<IWorkflowGrain>(ChildId(invocation.WorkflowId, invocation.Step.Id, invocation.ItemIndex));
        var started = await child.Start(new WorkflowStartRequest(rendered.Yaml, $"{spec.Template}@v{rendered.Version}", inputs, new Dictionary<string, string>()));
        if (!started.Started)
        {
            throw new StepFailedException($"child workflow of template '{spec.Template}' did not start: {string.Join("; ", started.Errors)}");
        }

        try
        {
            while (true)
            {
                var snapshot = await child.GetSnapshot();
                switch (snapshot.Status)
                {
                    case WorkflowStatus.Completed:
                        return snapshot.Outputs;
                    case WorkflowStatus.Failed or WorkflowStatus.Cancelled:
                        throw new StepFailedException($"child workflow '{snapshot.Id}' ended {snapshot.Status}: {snapshot.Error}");
                }

                await Task.Delay(PollInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (!invocation.Suspending.IsCancellationRequested)
        {
            var snapshot = await child.GetSnapshot();
            if (snapshot.Status is WorkflowStatus.Running or WorkflowStatus.Paused)
            {
                await child.Cancel("the parent step was cancelled");
            }

            throw;
        }
    }
}
