using System.Text.Json;
using Maestro.GrainInterfaces.AutoRepair;
using Maestro.Grains.TestRuns.Parsing;

namespace Maestro.Grains.AutoRepair.Monitoring;

/// <summary>
/// ESLint's <c>--format json</c> output: one entry per file with its messages. Only errors (severity 2) are findings;
/// warnings do not fail a lint run, so they are not repaired. A message without a rule is a parse error.
/// </summary>
public static class EslintJsonReportParser
{
    private const int ErrorSeverity = 2;

    public static IReadOnlyList<MonitorFinding> Parse(byte[] content, ResultParserLimits limits)
    {
        using var document = ResultJson.Parse(content, limits);
        var root = document.RootElement;
        ResultJson.Require(root, JsonValueKind.Array, "$");
        var findings = new List<MonitorFinding>();
        var fileIndex = 0;
        foreach (var file in root.EnumerateArray())
        {
            var filePath = $"$[{fileIndex++}]";
            ResultJson.Require(file, JsonValueKind.Object, filePath);
            var name = ResultJson.OptionalString(file, "filePath", filePath)
                ?? throw new ResultParseException("a file entry has no \"filePath\"", path: filePath);
            if (!file.TryGetProperty("messages", out var messages))
            {
                throw new ResultParseException("a file entry has no \"messages\"", path: filePath);
            }

            ResultJson.Require(messages, JsonValueKind.Array, filePath + ".messages");
            var index = 0;
            foreach (var message in messages.EnumerateArray())
            {
                var path = $"{filePath}.messages[{index++}]";
                ResultJson.Require(message, JsonValueKind.Object, path);
                if (ResultJson.OptionalInt(message, "severity", path) != ErrorSeverity)
                {
                    continue;
                }

                findings.Add(new MonitorFinding(
                    FindingKind.LintError,
                    name,
                    ResultJson.OptionalInt(message, "line", path),
                    ResultJson.OptionalInt(message, "column", path),
                    ResultJson.OptionalString(message, "ruleId", path) ?? "parse-error",
                    limits.Cut(ResultJson.OptionalString(message, "message", path))));
                if (findings.Count > limits.MaxTests)
                {
                    throw new ResultParseException($"the report has more than {limits.MaxTests} errors", path: path);
                }
            }
        }

        return findings;
    }
}
