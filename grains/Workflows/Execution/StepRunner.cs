using System.Text.Json;
using Maestro.GrainInterfaces.Workflows;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Maestro.Grains.Workflows;

/// <summary>
/// Runs a step to its outcome: once, or once per fan-out item in parallel (at most <c>maxParallel</c> at a time), each
/// through a Polly pipeline of retries (exponential backoff with jitter) around a per-attempt timeout. Cancellation
/// of the token (workflow cancelled, timed out, silo stopping) is not an outcome: it propagates.
/// </summary>
public sealed class StepRunner(IEnumerable<IStepExecutor> executors)
{
    private readonly Dictionary<StepKind, IStepExecutor> executors = executors.ToDictionary(e => e.Kind);

    public async Task<StepOutcome> RunAsync(StepInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var step = invocation.Step;
        if (!executors.TryGetValue(step.Kind, out var executor))
        {
            return new StepOutcome(StepStatus.Failed, new Dictionary<string, string>(), 0, $"no executor runs '{step.Kind}' steps in this silo");
        }

        IReadOnlyList<string>? items;
        try
        {
            items = step.ForEach is null ? null
                : step.ForEach.Items is { } literal ? [.. literal.Select(i => invocation.Scope.Render(i.Value))]
                : invocation.Scope.RenderList(step.ForEach.Expression!.Value);
        }
        catch (ExpressionEvaluationException ex)
        {
            return new StepOutcome(StepStatus.Failed, new Dictionary<string, string>(), 0, ex.Message);
        }

        if (items is null)
        {
            return await RunOnceAsync(executor, invocation, cancellationToken);
        }

        using var gate = new SemaphoreSlim(Math.Max(1, step.MaxParallel ?? items.Count));
        var runs = items.Select(async (item, index) =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await RunOnceAsync(executor, invocation with { Scope = invocation.Scope.WithItem(item), ItemIndex = index }, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var outcomes = await Task.WhenAll(runs);
        return Aggregate(outcomes);
    }

    /// <summary>A fan-out's outputs are JSON arrays, one entry per item in order (null where an item lacks that output), plus <c>count</c>.</summary>
    private static StepOutcome Aggregate(StepOutcome[] outcomes)
    {
        var outputs = outcomes.SelectMany(o => o.Outputs.Keys).Distinct(StringComparer.Ordinal)
            .ToDictionary(name => name, name => JsonSerializer.Serialize(outcomes.Select(o => o.Outputs.GetValueOrDefault(name)).ToArray()), StringComparer.Ordinal);
        outputs["count"] = outcomes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var worst = outcomes.FirstOrDefault(o => o.Status != StepStatus.Succeeded);
        return new StepOutcome(worst?.Status ?? StepStatus.Succeeded, outputs, outcomes.Sum(o => o.Attempts), worst is null ? null : $"item {Array.IndexOf(outcomes, worst)}: {worst.Error}");
    }

    private static async Task<StepOutcome> RunOnceAsync(IStepExecutor executor, StepInvocation invocation, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var pipeline = BuildPipeline(invocation.Step);
        try
        {
            var outputs = await pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await executor.ExecuteAsync(invocation, token);
                },
                cancellationToken);
            return new StepOutcome(StepStatus.Succeeded, outputs, attempts, null);
        }
        catch (TimeoutRejectedException)
        {
            return new StepOutcome(StepStatus.TimedOut, new Dictionary<string, string>(), attempts, $"attempt {attempts} did not finish within {invocation.Step.Timeout}");
        }
        catch (Exception ex) when (ex is StepFailedException or HttpRequestException or ExpressionEvaluationException)
        {
            return new StepOutcome(StepStatus.Failed, new Dictionary<string, string>(), attempts, ex.Message);
        }
    }

    private static ResiliencePipeline<IReadOnlyDictionary<string, string>> BuildPipeline(StepDefinition step)
    {
        var builder = new ResiliencePipelineBuilder<IReadOnlyDictionary<string, string>>();
        var policy = step.Retry;
        if (policy.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<IReadOnlyDictionary<string, string>>
            {
                MaxRetryAttempts = policy.MaxAttempts - 1,
                ShouldHandle = new PredicateBuilder<IReadOnlyDictionary<string, string>>()
                    .Handle<StepFailedException>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),

                // Polly's own exponential backoff has a fixed factor of 2; the definition's factor and cap apply here.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(BackoffSchedule.DelayBefore(args.AttemptNumber + 1, policy, Random.Shared)),
            });
        }

        if (step.Timeout is { } timeout)
        {
            builder.AddTimeout(timeout);
        }

        return builder.Build();
    }
}
