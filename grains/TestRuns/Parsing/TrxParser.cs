using System.Globalization;
using System.Xml;
using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns.Parsing;

/// <summary>
/// TRX from <c>dotnet test --logger trx</c> or Visual Studio. Every <c>UnitTestResult</c> counts, including those
/// nested in <c>InnerResults</c> (data rows, retries), which replace their aggregate parent. The test id is the
/// test method's class (from <c>TestDefinitions</c>, which comes after the results) and the result's name.
/// <c>&lt;Counters&gt;</c> is ignored: results are counted.
/// </summary>
public static class TrxParser
{
    private sealed record PendingResult(string DefinitionId, string Name, TestAttempt Attempt);

    public static IReadOnlyList<TestCaseResult> Parse(byte[] content, ResultParserLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        var collector = new TestCaseCollector(limits);
        var pending = new List<PendingResult>();
        var classByDefinition = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var reader = SafeXml.CreateReader(content, limits);
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "TestRun")
            {
                throw SafeXml.Error(reader, $"expected a <TestRun> root element, found <{reader.LocalName}>");
            }

            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                }
                else if (reader.LocalName == "UnitTestResult")
                {
                    ReadResult(reader, collector, pending, limits, nesting: 0);
                    if (pending.Count > limits.MaxTests * limits.MaxAttemptsPerTest)
                    {
                        throw SafeXml.Error(reader, $"the file holds more than {limits.MaxTests} tests");
                    }
                }
                else if (reader.LocalName == "UnitTest")
                {
                    ReadDefinition(reader, classByDefinition);
                }
                else
                {
                    // Containers (Results, TestDefinitions, InnerResults) are stepped into; leaves are passed over.
                    reader.Read();
                }
            }
        }
        catch (XmlException ex)
        {
            throw SafeXml.Malformed(ex, content);
        }

        foreach (var result in pending)
        {
            var testId = classByDefinition.TryGetValue(result.DefinitionId, out var className) && !result.Name.StartsWith(className + ".", StringComparison.Ordinal)
                ? $"{className}.{result.Name}"
                : result.Name;
            if (collector.Add(testId, [result.Attempt]) is { } limitError)
            {
                throw new ResultParseException(limitError);
            }
        }

        return collector.ToResults();
    }

    /// <summary>Reads one result; a result with inner results contributes those instead of itself.</summary>
    private static void ReadResult(XmlReader reader, TestCaseCollector collector, List<PendingResult> pending, ResultParserLimits limits, int nesting)
    {
        if (nesting >= limits.MaxDepth)
        {
            throw SafeXml.Error(reader, $"InnerResults are nested more than {limits.MaxDepth} deep");
        }

        var name = reader.GetAttribute("testName");
        var definitionId = reader.GetAttribute("testId") ?? string.Empty;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw SafeXml.Error(reader, "<UnitTestResult> has no testName attribute");
        }

        var outcome = MapOutcome(reader, reader.GetAttribute("outcome"));
        var duration = ReadDuration(reader);
        string? message = null;
        string? stack = null;
        var attachments = new List<string>();
        var hadInner = false;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            reader.Read();
            while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "Output" or "ErrorInfo" or "ResultFiles" or "InnerResults":
                        // Containers: step into them.
                        reader.Read();
                        break;
                    case "Message":
                        message = SafeXml.ReadText(reader);
                        break;
                    case "StackTrace":
                        stack = SafeXml.ReadText(reader);
                        break;
                    case "ResultFile":
                        if (reader.GetAttribute("path") is { Length: > 0 } path)
                        {
                            attachments.Add(path);
                        }

                        reader.Skip();
                        break;
                    case "UnitTestResult":
                        hadInner = true;
                        ReadResult(reader, collector, pending, limits, nesting + 1);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }

        reader.Read();
        if (!hadInner)
        {
            var attempt = new TestAttempt(
                outcome,
                duration,
                string.IsNullOrWhiteSpace(message) ? null : collector.Truncate(message),
                string.IsNullOrWhiteSpace(stack) ? null : collector.Truncate(stack),
                null,
                attachments);
            pending.Add(new PendingResult(definitionId, name.Trim(), attempt));
        }
    }

    private static void ReadDefinition(XmlReader reader, Dictionary<string, string> classByDefinition)
    {
        var id = reader.GetAttribute("id");
        if (id is null || reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "TestMethod" && reader.GetAttribute("className") is { Length: > 0 } className)
            {
                // className may be assembly-qualified ("Ns.Type, Assembly"): the type name is what identifies the test.
                var comma = className.IndexOf(',', StringComparison.Ordinal);
                classByDefinition[id] = (comma > 0 ? className[..comma] : className).Trim();
            }
        }

        reader.Read();
    }

    private static TestOutcome MapOutcome(XmlReader reader, string? outcome) => outcome switch
    {
        "Passed" or "PassedButRunAborted" or "Warning" or "Completed" => TestOutcome.Passed,
        "Failed" => TestOutcome.Failed,
        "Error" or "Timeout" or "Aborted" or "Disconnected" or "NotRunnable" => TestOutcome.Error,
        "NotExecuted" or "Inconclusive" or "Pending" or "InProgress" => TestOutcome.Skipped,
        null => throw SafeXml.Error(reader, "<UnitTestResult> has no outcome attribute"),
        _ => throw SafeXml.Error(reader, $"unknown outcome \"{outcome}\" on <UnitTestResult>"),
    };

    private static double ReadDuration(XmlReader reader)
    {
        var value = reader.GetAttribute("duration");
        if (string.IsNullOrWhiteSpace(value))
        {
            return 0;
        }

        if (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration) || duration < TimeSpan.Zero)
        {
            throw SafeXml.Error(reader, $"duration=\"{value}\" on <UnitTestResult> is not a time span like 00:00:01.25");
        }

        return duration.TotalMilliseconds;
    }
}
