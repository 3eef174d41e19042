using System.Text.Json;
using Maestro.GrainInterfaces.AutoRepair;
using Maestro.Grains.TestRuns.Parsing;

namespace Maestro.Grains.AutoRepair.Monitoring;

/// <summary>
/// The report of <c>npm test -- --json</c> (Jest, and Vitest's Jest-compatible <c>--reporter=json</c>): one entry
/// per test file, each with its assertions. A failed assertion is a finding with the test's full name as its code; a
/// file that failed without running any assertion (a syntax error, a missing import) is a finding for the file.
/// </summary>
public static class JestJsonReportParser
{
    public static IReadOnlyList<MonitorFinding> Parse(byte[] content, ResultParserLimits limits)
    {
        using var document = ResultJson.Parse(content, limits);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("testResults", out var files))
        {
            throw new ResultParseException("expected an object with a \"testResults\" array (Jest's --json output)", path: "$");
        }

        ResultJson.Require(files, JsonValueKind.Array, "$.testResults");
        var findings = new List<MonitorFinding>();
        var fileIndex = 0;
        foreach (var file in files.EnumerateArray())
        {
            var filePath = $"$.testResults[{fileIndex++}]";
            ResultJson.Require(file, JsonValueKind.Object, filePath);
            var name = ResultJson.OptionalString(file, "name", filePath)
                ?? throw new ResultParseException("a test file has no \"name\"", path: filePath);
            var failedAssertions = ReadFailedAssertions(file, filePath, name, limits, findings);
            if (failedAssertions == 0
                && ResultJson.OptionalString(file, "status", filePath) == "failed"
                && ResultJson.OptionalString(file, "message", filePath) is { Length: > 0 } message)
            {
                findings.Add(new MonitorFinding(FindingKind.TestFailure, name, null, null, name, limits.Cut(message)));
            }

            if (findings.Count > limits.MaxTests)
            {
                throw new ResultParseException($"the report has more than {limits.MaxTests} failures", path: filePath);
            }
        }

        return findings;
    }

    private static int ReadFailedAssertions(JsonElement file, string filePath, string fileName, ResultParserLimits limits, List<MonitorFinding> findings)
    {
        if (!file.TryGetProperty("assertionResults", out var assertions) || assertions.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }

        ResultJson.Require(assertions, JsonValueKind.Array, filePath + ".assertionResults");
        var failed = 0;
        var index = 0;
        foreach (var assertion in assertions.EnumerateArray())
        {
            var path = $"{filePath}.assertionResults[{index++}]";
            ResultJson.Require(assertion, JsonValueKind.Object, path);
            if (ResultJson.OptionalString(assertion, "status", path) != "failed")
            {
                continue;
            }

            failed++;
            var fullName = ResultJson.OptionalString(assertion, "fullName", path)
                ?? ResultJson.OptionalString(assertion, "title", path)
                ?? throw new ResultParseException("a failed assertion has neither \"fullName\" nor \"title\"", path: path);
            int? line = null, column = null;
            if (assertion.TryGetProperty("location", out var location) && location.ValueKind == JsonValueKind.Object)
            {
                line = ResultJson.OptionalInt(location, "line", path + ".location");
                column = ResultJson.OptionalInt(location, "column", path + ".location");
            }

            findings.Add(new MonitorFinding(FindingKind.TestFailure, fileName, line, column, fullName, limits.Cut(FailureMessages(assertion, path))));
        }

        return failed;
    }

    private static string FailureMessages(JsonElement assertion, string path)
    {
        if (!assertion.TryGetProperty("failureMessages", out var messages) || messages.ValueKind == JsonValueKind.Null)
        {
            return string.Empty;
        }

        ResultJson.Require(messages, JsonValueKind.Array, path + ".failureMessages");
        return string.Join('\n', messages.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString() : m.GetRawText()));
    }
}
