using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.Analytics;
using Xunit;

namespace Maestro.Grains.Tests.Analytics;

public sealed class FailureClustererTests
{
    private static readonly FailureClusteringOptions Defaults = new();

    [Fact]
    public void Volatile_parts_of_a_message_are_replaced_by_placeholders()
    {
        var normalized = FailureSignature.Normalize(
            "\u001b[31mExpected 42 but was 43\u001b[0m at /src/app/Cart.cs:line 12 (0xDEADBEEF) id=3f2504e0-4f89-11d3-9a0c-0305e82c3301 at 2026-11-21T10:00:01.123Z, commit 9fceb02d0ae598e95dc970b74767f19372d61af8, see https://ci.example.com/job/7");

        Assert.Equal("expected <n> but was <n> at <path>:line <n> (<hex>) id=<guid> at <ts>, commit <hex>, see <url>", normalized);
    }

    [Fact]
    public void The_same_failure_with_different_numbers_guids_and_times_gets_the_same_stable_cluster_id()
    {
        var first = FailureClusterer.Cluster(
        [
            Failure("a", "Order 7 not found: id=3f2504e0-4f89-11d3-9a0c-0305e82c3301 at 2026-11-21T10:00:01Z"),
            Failure("b", "Order 1234 not found: id=6ba7b810-9dad-11d1-80b4-00c04fd430c8 at 2026-11-22T08:30:00Z"),
        ], Defaults);
        var laterRun = FailureClusterer.Cluster([Failure("c", "Order 99 not found: id=00000000-0000-0000-0000-000000000001 at 2027-01-01T00:00:00Z")], Defaults);

        var cluster = Assert.Single(first);
        Assert.Equal(["a", "b"], cluster.TestIds);
        Assert.Equal("order <n> not found: id=<guid> at <ts>", cluster.Signature);
        Assert.Equal(cluster.ClusterId, Assert.Single(laterRun).ClusterId);
        Assert.Equal(FailureClusterer.IdOf("System.InvalidOperationException", "order <n> not found: id=<guid> at <ts>"), cluster.ClusterId);
    }

    [Fact]
    public void Different_messages_or_exception_types_make_different_clusters()
    {
        var clusters = FailureClusterer.Cluster(
        [
            Failure("a", "Order 7 not found"),
            Failure("b", "Payment 7 declined by the bank"),
            Failure("c", "Order 8 not found", "System.Collections.Generic.KeyNotFoundException"),
        ], Defaults);

        Assert.Equal(3, clusters.Count);
        Assert.Equal(3, clusters.Select(c => c.ClusterId).Distinct().Count());
    }

    [Fact]
    public void Near_identical_messages_join_one_cluster_above_the_similarity_threshold()
    {
        const string baseline = "element not found in page login after waiting for network idle state";
        var oneWord = baseline.Replace("login", "logout", StringComparison.Ordinal);                   // 11 of 12 words shared: 0.917
        var twoWords = oneWord.Replace("idle", "busy", StringComparison.Ordinal);                      // 10 of 12 shared: 0.833
        Assert.Equal(11.0 / 12, FailureClusterer.Similarity(FailureSignature.Tokens(baseline), FailureSignature.Tokens(oneWord)), 10);

        var clusters = FailureClusterer.Cluster([Failure("a", baseline), Failure("b", oneWord), Failure("c", twoWords)], Defaults);

        Assert.Equal(2, clusters.Count);
        Assert.Equal(["a", "b"], clusters[0].TestIds);
        Assert.Equal(["c"], clusters[1].TestIds);
    }

    [Fact]
    public void The_cluster_id_does_not_depend_on_the_order_failures_arrive_in()
    {
        var failures = new[] { Failure("a", "element not found in page login after waiting for network idle state"), Failure("b", "element not found in page logout after waiting for network idle state") };

        var forward = FailureClusterer.Cluster(failures, Defaults);
        var backward = FailureClusterer.Cluster(failures.Reverse(), Defaults);

        Assert.Equal(Assert.Single(forward).ClusterId, Assert.Single(backward).ClusterId);
    }

    [Fact]
    public void Categories_come_from_the_first_matching_rule_or_the_default_for_the_outcome()
    {
        var clusters = FailureClusterer.Cluster(
        [
            Failure("infra", "connect ECONNREFUSED 127.0.0.1:5432", outcome: TestOutcome.Error),
            Failure("slow", "Timed out after 5000 ms"),
            Failure("assert", "expected 2 but was 3"),
            Failure("crash", "object reference not set", "System.NullReferenceException", TestOutcome.Error),
        ], Defaults).ToDictionary(c => Assert.Single(c.TestIds), c => c.Category);

        Assert.Equal("Infrastructure", clusters["infra"]);
        Assert.Equal("Timeouts", clusters["slow"]);
        Assert.Equal("Product defects", clusters["assert"]);
        Assert.Equal("Test defects", clusters["crash"]);
    }

    [Fact]
    public void Rules_apply_in_order_and_may_look_at_the_stack_trace_and_outcome()
    {
        var options = new FailureClusteringOptions
        {
            CategoryRules =
            [
                new CategoryRule { Name = "Database", StackPattern = @"Npgsql\." },
                new CategoryRule { Name = "Errors only", MessagePattern = "boom", Outcomes = [TestOutcome.Error] },
                new CategoryRule { Name = "Anything boom", MessagePattern = "boom" },
            ],
        };

        var clusters = FailureClusterer.Cluster(
        [
            new FailureSample("db", TestOutcome.Error, "boom", "   at Npgsql.NpgsqlConnection.Open()", "System.Exception"),
            new FailureSample("error", TestOutcome.Error, "boom", null, "System.ArgumentException"),
            new FailureSample("failure", TestOutcome.Failed, "boom", null, "System.FormatException"),
        ], options).ToDictionary(c => Assert.Single(c.TestIds), c => c.Category);

        Assert.Equal("Database", clusters["db"]);
        Assert.Equal("Errors only", clusters["error"]);
        Assert.Equal("Anything boom", clusters["failure"]);
    }

    [Fact]
    public void The_exception_type_is_found_in_the_message_when_the_framework_gave_none()
    {
        Assert.Equal("System.FormatException", FailureSignature.ExceptionTypeOf(new FailureSample("t", TestOutcome.Failed, "System.FormatException: bad input", null, null)));
        Assert.Equal("Error", FailureSignature.ExceptionTypeOf(new FailureSample("t", TestOutcome.Failed, "Error: expect(received).toBe(expected)", null, null)));
        Assert.Equal(string.Empty, FailureSignature.ExceptionTypeOf(new FailureSample("t", TestOutcome.Failed, "expected 2 but was 3", null, null)));
    }

    [Fact]
    public void An_invalid_rule_pattern_is_refused_with_the_rule_named()
    {
        var options = new FailureClusteringOptions { CategoryRules = [new CategoryRule { Name = "Broken rule", MessagePattern = "([" }] };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("Broken rule", error.Message, StringComparison.Ordinal);
    }

    private static FailureSample Failure(string testId, string message, string type = "System.InvalidOperationException", TestOutcome outcome = TestOutcome.Failed) =>
        new(testId, outcome, message, null, type);
}
