using Maestro.Bench.Harness;
using Maestro.GrainInterfaces.Workflows;
using Maestro.Grains.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Bench.Suites;

/// <summary>
/// Workflow steps per second through the engine (a fresh <c>IWorkflowGrain</c> per run: start, a chain of steps each
/// persisted when it starts and when it ends, polled to completion) beside the same steps run in a plain loop
/// through the same step executor, with no grain, scheduling or persistence.
/// </summary>
internal sealed class WorkflowSuite(IClusterClient client, IServiceProvider services, PairRunner runner)
{
    /// <summary>Steps per workflow: long enough that starting and finishing a workflow is not the whole figure.</summary>
    public const int StepsPerWorkflow = 10;

    /// <summary>Concurrent workflows in the "many" case: a few, as steps that start processes are heavy on 2 cores.</summary>
    public const int ManyCallers = 8;

    public const double ProcessTarget = 0.80;

    public const double WaitTarget = 0.50;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1);

    private int runs;

    public async Task<IReadOnlyList<Comparison>> RunAsync()
    {
        var cases = new[]
        {
            ("process step /bin/true", "process: {command: /bin/true}", ProcessTarget),
            ("wait step 1ms", "wait: {duration: 1ms}", WaitTarget),
        };
        var results = new List<Comparison>();
        foreach (var (name, kind, target) in cases)
        {
            var yaml = Chain(kind);
            var (definition, errors) = WorkflowDefinitionLoader.Load(yaml, "bench.yaml");
            if (definition is null)
            {
                throw new InvalidOperationException($"The bench workflow is invalid: {string.Join("; ", errors)}");
            }

            var executor = services.GetServices<IStepExecutor>().Single(e => e.Kind == definition.Steps[0].Kind);
            var scope = new ExpressionScope("bench", "bench", new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, (string, IReadOnlyDictionary<string, string>?)>());
            foreach (var callers in new[] { 1, ManyCallers })
            {
                results.Add(await runner.RunAsync(
                    $"workflow of {StepsPerWorkflow} x {name}",
                    $"{StepsPerWorkflow} x {name}, plain loop",
                    callers,
                    target,
                    (_, _) => RunWorkflowAsync(yaml),
                    async (_, _) =>
                    {
                        foreach (var step in definition.Steps)
                        {
                            await executor.ExecuteAsync(new StepInvocation("bench", step, scope, null, DateTimeOffset.UtcNow), CancellationToken.None);
                        }
                    }));
            }
        }

        return results;
    }

    private static string Chain(string kind)
    {
        var steps = Enumerable.Range(1, StepsPerWorkflow).Select(i =>
            $"  - id: s{i}\n" + (i > 1 ? $"    depends: [s{i - 1}]\n" : string.Empty) + $"    {kind}\n");
        return "name: bench\nsteps:\n" + string.Concat(steps);
    }

    private async Task RunWorkflowAsync(string yaml)
    {
        var grain = client.GetGrain<IWorkflowGrain>($"bench-{Interlocked.Increment(ref runs)}");
        var started = await grain.Start(new WorkflowStartRequest(yaml, "bench.yaml", new Dictionary<string, string>(), new Dictionary<string, string>()));
        if (!started.Started)
        {
            throw new InvalidOperationException(string.Join("; ", started.Errors));
        }

        while (true)
        {
            var snapshot = await grain.GetSnapshot();
            if (snapshot.Status == WorkflowStatus.Completed)
            {
                return;
            }

            if (snapshot.Status != WorkflowStatus.Running)
            {
                throw new InvalidOperationException($"Bench workflow {snapshot.Id} ended {snapshot.Status}: {snapshot.Error}");
            }

            await Task.Delay(PollInterval);
        }
    }
}
