using System.Text.Json;
using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns.Parsing;

/// <summary>
/// Playwright's JSON reporter (<c>--reporter=json</c>): suites (nested by file and <c>describe</c>) hold specs, a
/// spec holds one test per project, and a test holds one result per attempt (<c>retry</c> 0, 1, …). Every result
/// is an attempt. The test id is the file, the titles and the project: <c>cart.spec.ts › checkout › pays [chromium]</c>.
/// </summary>
public static class PlaywrightJsonParser
{
    public static IReadOnlyList<TestCaseResult> Parse(byte[] content, ResultParserLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        var document = ResultJson.Parse(content, limits);
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("suites", out var suites) || suites.ValueKind != JsonValueKind.Array)
            {
                throw new ResultParseException("expected an object with a \"suites\" array (Playwright's JSON reporter output)", path: "$");
            }

            var collector = new TestCaseCollector(limits);
            ReadSuites(suites, "$.suites", [], collector, limits);
            return collector.ToResults();
        }
    }

    private static void ReadSuites(JsonElement suites, string path, List<string> titles, TestCaseCollector collector, ResultParserLimits limits)
    {
        if (titles.Count >= limits.MaxDepth)
        {
            throw new ResultParseException($"suites are nested more than {limits.MaxDepth} deep", path: path);
        }

        var index = 0;
        foreach (var suite in suites.EnumerateArray())
        {
            var suitePath = $"{path}[{index++}]";
            ResultJson.Require(suite, JsonValueKind.Object, suitePath);
            titles.Add(ResultJson.OptionalString(suite, "title", suitePath) ?? string.Empty);
            if (suite.TryGetProperty("specs", out var specs))
            {
                ResultJson.Require(specs, JsonValueKind.Array, suitePath + ".specs");
                var specIndex = 0;
                foreach (var spec in specs.EnumerateArray())
                {
                    ReadSpec(spec, $"{suitePath}.specs[{specIndex++}]", titles, collector);
                }
            }

            if (suite.TryGetProperty("suites", out var nested))
            {
                ResultJson.Require(nested, JsonValueKind.Array, suitePath + ".suites");
                ReadSuites(nested, suitePath + ".suites", titles, collector, limits);
            }

            titles.RemoveAt(titles.Count - 1);
        }
    }

    private static void ReadSpec(JsonElement spec, string path, List<string> titles, TestCaseCollector collector)
    {
        ResultJson.Require(spec, JsonValueKind.Object, path);
        var title = ResultJson.OptionalString(spec, "title", path) is { Length: > 0 } t ? t : throw new ResultParseException("spec has no title", path: path);
        if (!spec.TryGetProperty("tests", out var tests))
        {
            throw new ResultParseException("spec has no \"tests\" array", path: path);
        }

        ResultJson.Require(tests, JsonValueKind.Array, path + ".tests");
        var name = string.Join(" › ", titles.Where(x => x.Length > 0).Append(title));
        var testIndex = 0;
        foreach (var test in tests.EnumerateArray())
        {
            var testPath = $"{path}.tests[{testIndex++}]";
            ResultJson.Require(test, JsonValueKind.Object, testPath);
            var project = ResultJson.OptionalString(test, "projectName", testPath);
            var expected = ResultJson.OptionalString(test, "expectedStatus", testPath) ?? "passed";
            if (!test.TryGetProperty("results", out var results))
            {
                throw new ResultParseException("test has no \"results\" array", path: testPath);
            }

            ResultJson.Require(results, JsonValueKind.Array, testPath + ".results");
            var attempts = new List<TestAttempt>();
            var resultIndex = 0;
            foreach (var result in results.EnumerateArray())
            {
                attempts.Add(ReadResult(result, $"{testPath}.results[{resultIndex++}]", expected, collector));
            }

            if (attempts.Count == 0)
            {
                // A test that never started (filtered, or the run stopped first): Playwright reports it skipped.
                attempts.Add(new TestAttempt(TestOutcome.Skipped, 0, null, null, null, []));
            }

            var testId = string.IsNullOrEmpty(project) ? name : $"{name} [{project}]";
            if (collector.Add(testId, attempts) is { } limitError)
            {
                throw new ResultParseException(limitError, path: testPath);
            }
        }
    }

    private static TestAttempt ReadResult(JsonElement result, string path, string expectedStatus, TestCaseCollector collector)
    {
        ResultJson.Require(result, JsonValueKind.Object, path);
        var status = ResultJson.OptionalString(result, "status", path) ?? throw new ResultParseException("result has no status", path: path);
        var outcome = (status, expectedStatus) switch
        {
            ("skipped", _) => TestOutcome.Skipped,
            // test.fail(): a failure is what was expected, so it counts as a pass, and a pass as a failure.
            (_, "failed") => status == "failed" ? TestOutcome.Passed : TestOutcome.Failed,
            ("passed", _) => TestOutcome.Passed,
            ("failed", _) => TestOutcome.Failed,
            ("timedOut" or "interrupted", _) => TestOutcome.Error,
            _ => throw new ResultParseException($"unknown result status \"{status}\"", path: path),
        };
        var duration = 0.0;
        if (result.TryGetProperty("duration", out var durationElement))
        {
            if (durationElement.ValueKind != JsonValueKind.Number || !durationElement.TryGetDouble(out duration) || duration < 0)
            {
                throw new ResultParseException("duration is not a non-negative number of milliseconds", path: path + ".duration");
            }
        }

        string? message = null;
        string? stack = null;
        if (result.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            message = ResultJson.OptionalString(error, "message", path + ".error");
            stack = ResultJson.OptionalString(error, "stack", path + ".error");
        }

        var attachments = new List<string>();
        if (result.TryGetProperty("attachments", out var attachmentList) && attachmentList.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in attachmentList.EnumerateArray())
            {
                if (attachment.ValueKind == JsonValueKind.Object && attachment.TryGetProperty("path", out var attachmentPath) && attachmentPath.ValueKind == JsonValueKind.String)
                {
                    attachments.Add(attachmentPath.GetString()!);
                }
            }
        }

        return new TestAttempt(
            outcome,
            duration,
            string.IsNullOrWhiteSpace(message) ? null : collector.Truncate(message),
            string.IsNullOrWhiteSpace(stack) ? null : collector.Truncate(stack),
            null,
            attachments);
    }
}
