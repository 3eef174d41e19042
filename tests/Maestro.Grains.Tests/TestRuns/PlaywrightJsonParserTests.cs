using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns;
using Maestro.Grains.TestRuns.Parsing;
using Xunit;

namespace Maestro.Grains.Tests.TestRuns;

public sealed class PlaywrightJsonParserTests
{
    private static readonly ResultParserLimits Limits = new();

    [Fact]
    public void Every_result_is_an_attempt_and_retries_make_flaky_or_failed_tests()
    {
        var tests = ResultFileParser.Parse(Fixture.Read("playwright-report.json"), ResultFormat.Playwright, Limits).ToDictionary(t => t.TestId);

        Assert.Equal(
            new Dictionary<string, TestStatus>
            {
                ["login.spec.ts › logs in [chromium]"] = TestStatus.Passed,
                ["login.spec.ts › logs in [firefox]"] = TestStatus.Flaky,
                ["login.spec.ts › checkout › pays [chromium]"] = TestStatus.Failed,
                ["login.spec.ts › checkout › skips on mobile [chromium]"] = TestStatus.Skipped,
                ["login.spec.ts › checkout › known bug [chromium]"] = TestStatus.Passed,
            },
            tests.ToDictionary(t => t.Key, t => TestStatusRules.StatusOf(t.Value.Attempts)));

        var firefox = tests["login.spec.ts › logs in [firefox]"].Attempts;
        Assert.Equal([3000.0, 1500.0], firefox.Select(a => a.DurationMs));
        Assert.Equal(["/work/test-results/login-firefox/trace.zip"], firefox[0].Attachments);
        Assert.StartsWith("Error: expect(locator).toBeVisible() failed", firefox[0].Message, StringComparison.Ordinal);

        var pays = tests["login.spec.ts › checkout › pays [chromium]"].Attempts;
        Assert.Equal([TestOutcome.Error, TestOutcome.Failed], pays.Select(a => a.Outcome));
    }

    [Fact]
    public void Malformed_json_is_rejected_with_line_and_position()
    {
        var json = "{\n  \"suites\": [\n    { \"title\": \"a\", }\n    oops\n  ]\n}"u8.ToArray();

        var error = Assert.Throws<ResultParseException>(() => PlaywrightJsonParser.Parse(json, Limits));

        Assert.Equal(4, error.Line);
        Assert.StartsWith("malformed JSON", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_structural_error_is_rejected_with_its_json_path()
    {
        var json = """{ "suites": [ { "title": "a.spec.ts", "specs": [ { "title": "t", "tests": [ { "results": [ { "status": "exploded" } ] } ] } ] } ] }"""u8.ToArray();

        var error = Assert.Throws<ResultParseException>(() => PlaywrightJsonParser.Parse(json, Limits));

        Assert.Equal("$.suites[0].specs[0].tests[0].results[0]", error.Path);
        Assert.Contains("exploded", error.Reason, StringComparison.Ordinal);
    }
}
