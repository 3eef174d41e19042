using Maestro.Grains.Workflows;
using Xunit;

namespace Maestro.Grains.Tests.Workflows;

/// <summary>DAG ordering, the critical path and the retry backoff schedule.</summary>
public sealed class GraphAndBackoffTests
{
    private static readonly StepDefinition[] Diamond =
    [
        Step("a"),
        Step("b", "a"),
        Step("c", "a"),
        Step("d", "b", "c"),
    ];

    [Fact]
    public void Orders_a_diamond_with_declaration_order_among_ready_steps()
    {
        var graph = new WorkflowGraph(Diamond);
        Assert.Equal(["a", "b", "c", "d"], graph.TopologicalOrder());
        Assert.Equal(new HashSet<string> { "a", "b", "c" }, graph.AncestorsOf("d"));
        Assert.Empty(graph.FindCycles());
    }

    [Fact]
    public void The_critical_path_follows_the_longest_branch()
    {
        var durations = new Dictionary<string, TimeSpan>
        {
            ["a"] = TimeSpan.FromSeconds(1),
            ["b"] = TimeSpan.FromSeconds(2),
            ["c"] = TimeSpan.FromSeconds(5),
            ["d"] = TimeSpan.FromSeconds(1),
        };

        var (steps, duration) = new WorkflowGraph(Diamond).CriticalPath(id => durations[id]);

        Assert.Equal(["a", "c", "d"], steps);
        Assert.Equal(TimeSpan.FromSeconds(7), duration);
    }

    [Fact]
    public void Backoff_grows_by_the_factor_up_to_the_cap_and_jitter_stays_within_20_percent()
    {
        var policy = new RetryDefinition(10, TimeSpan.FromMilliseconds(100), 3, TimeSpan.FromSeconds(2), Jitter: false);
        Assert.Equal(
            [100, 300, 900, 2000, 2000],
            Enumerable.Range(1, 5).Select(n => BackoffSchedule.DelayBefore(n, policy, new Random(1)).TotalMilliseconds));

        var random = new Random(42);
        var jittered = Enumerable.Range(0, 200).Select(_ => BackoffSchedule.DelayBefore(2, policy with { Jitter = true }, random).TotalMilliseconds).ToList();
        Assert.All(jittered, d => Assert.InRange(d, 240, 360));
        Assert.True(jittered.Distinct().Count() > 100, "jitter spreads the delays");
    }

    private static StepDefinition Step(string id, params string[] depends) => new(
        id,
        new SourcePosition(1, 1),
        StepKind.Wait,
        [.. depends.Select(d => new StepDependency(d, new SourcePosition(1, 1)))],
        null,
        false,
        null,
        RetryDefinition.None,
        null,
        null,
        new WaitStepSpec(TimeSpan.FromSeconds(1)));
}
