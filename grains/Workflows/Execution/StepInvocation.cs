namespace Maestro.Grains.Workflows;

/// <summary>One run of a step (one fan-out item, one attempt): the step, the values its expressions read, and when the step started.</summary>
/// <param name="WorkflowId">The workflow instance the step belongs to.</param>
/// <param name="Step">The step as defined.</param>
/// <param name="Scope">The values the step's expressions read (inputs, other steps' outputs, the fan-out item).</param>
/// <param name="ItemIndex">The fan-out item's index; null for a step without <c>for-each</c>.</param>
/// <param name="StepStartedAt">When the step first started (not this attempt).</param>
/// <param name="Suspending">
/// Cancelled when the workflow's activation stops (a silo shutting down, a deactivation): the workflow resumes later and
/// runs the step again, so what the step started elsewhere (a child workflow, a test run) is left running for it to
/// find. A step whose own token is cancelled while this one is not is cancelled for good (the workflow was cancelled or
/// failed, or the step timed out), and so is what it started.
/// </param>
public sealed record StepInvocation(string WorkflowId, StepDefinition Step, ExpressionScope Scope, int? ItemIndex, DateTimeOffset StepStartedAt, CancellationToken Suspending = default);
