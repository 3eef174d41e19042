using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns;
using Maestro.Grains.TestRuns.Parsing;
using Xunit;

namespace Maestro.Grains.Tests.TestRuns;

public sealed class TrxParserTests
{
    private static readonly ResultParserLimits Limits = new();

    [Fact]
    public void Results_including_inner_results_are_counted_and_the_counters_ignored()
    {
        var tests = ResultFileParser.Parse(Fixture.Read("dotnet-nested.trx"), ResultFormat.Trx, Limits);

        var statuses = tests.ToDictionary(t => t.TestId, t => TestStatusRules.StatusOf(t.Attempts));
        Assert.Equal(
            new Dictionary<string, TestStatus>
            {
                ["Calc.Tests.MathTests.AddsNumbers"] = TestStatus.Passed,
                ["Calc.Tests.MathTests.DividesByZero"] = TestStatus.Failed,
                ["Calc.Tests.ParserTests.ParsesInput (\"1\")"] = TestStatus.Passed,
                ["Calc.Tests.ParserTests.ParsesInput (\"x\")"] = TestStatus.Failed,
                ["Calc.Tests.ParserTests.ParsesInput (\"\")"] = TestStatus.Skipped,
                ["Calc.Tests.HttpTests.SlowCall"] = TestStatus.Error,
                ["Calc.Tests.HttpTests.Retries"] = TestStatus.Flaky,
                ["Calc.Tests.MathTests.Ignored"] = TestStatus.Skipped,
            },
            statuses);
        var totals = TestStatusRules.Count(tests.Select(t => (TestStatusRules.StatusOf(t.Attempts), t.Attempts.Count)));
        Assert.Equal(new TestRunTotals(8, 2, 2, 1, 2, 1, 9, 3.0 / 6), totals);
    }

    [Fact]
    public void Durations_messages_stack_traces_and_result_files_are_kept()
    {
        var tests = TrxParser.Parse(Fixture.Read("dotnet-nested.trx"), Limits).ToDictionary(t => t.TestId);

        var divide = Assert.Single(tests["Calc.Tests.MathTests.DividesByZero"].Attempts);
        Assert.Equal(250, divide.DurationMs, 6);
        Assert.Equal("Assert.Equal() Failure: Values differ\nExpected: 0\nActual:   1", divide.Message);
        Assert.Equal("at Calc.Tests.MathTests.DividesByZero() in /src/Calc.Tests/MathTests.cs:line 27", divide.StackTrace);
        Assert.Equal(["screenshots/divide.png"], divide.Attachments);
        Assert.Equal(12.345, Assert.Single(tests["Calc.Tests.MathTests.AddsNumbers"].Attempts).DurationMs, 6);
        Assert.Equal(30_000, Assert.Single(tests["Calc.Tests.HttpTests.SlowCall"].Attempts).DurationMs, 6);
        Assert.Equal(
            "System.FormatException: The input string 'x' was not in a correct format.",
            Assert.Single(tests["Calc.Tests.ParserTests.ParsesInput (\"x\")"].Attempts).Message);
        Assert.Equal([TestOutcome.Failed, TestOutcome.Passed], tests["Calc.Tests.HttpTests.Retries"].Attempts.Select(a => a.Outcome));
    }

    [Fact]
    public void An_unknown_outcome_is_rejected_with_its_position()
    {
        const string trx = "<TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\">\n<Results>\n  <UnitTestResult testId=\"a\" testName=\"T\" outcome=\"Sideways\" />\n</Results>\n</TestRun>";

        var error = Assert.Throws<ResultParseException>(() => TrxParser.Parse(System.Text.Encoding.UTF8.GetBytes(trx), Limits));

        Assert.Equal(3, error.Line);
        Assert.Contains("Sideways", error.Reason, StringComparison.Ordinal);
    }
}
