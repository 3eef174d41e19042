using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns.Parsing;

/// <summary>
/// JUnit XML as written by Surefire, Gradle, pytest, Jest and most CI tools: <c>testsuites</c> or a lone
/// <c>testsuite</c>, suites nested to any depth, and per <c>testcase</c> a <c>failure</c>, <c>error</c> or
/// <c>skipped</c>. Surefire's reruns are extra attempts: <c>flakyFailure</c>/<c>flakyError</c> failed before the
/// final pass, <c>rerunFailure</c>/<c>rerunError</c> failed again after the first failure. Header counts
/// (<c>tests</c>, <c>failures</c>) are ignored: the test cases are counted.
/// </summary>
public static partial class JUnitXmlParser
{
    public static IReadOnlyList<TestCaseResult> Parse(byte[] content, ResultParserLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        var collector = new TestCaseCollector(limits);
        using var reader = SafeXml.CreateReader(content, limits);
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName is not ("testsuites" or "testsuite"))
            {
                throw SafeXml.Error(reader, $"expected a <testsuites> or <testsuite> root element, found <{reader.LocalName}>");
            }

            var suites = new List<string>();
            var suiteDepths = new Stack<int>();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "testsuite")
                {
                    if (suiteDepths.Count >= limits.MaxDepth)
                    {
                        throw SafeXml.Error(reader, $"test suites are nested more than {limits.MaxDepth} deep");
                    }

                    var name = reader.GetAttribute("name");
                    if (reader.IsEmptyElement)
                    {
                        reader.Read();
                        continue;
                    }

                    suites.Add(string.IsNullOrWhiteSpace(name) ? string.Empty : name.Trim());
                    suiteDepths.Push(reader.Depth);
                    reader.Read();
                }
                else if (reader.NodeType == XmlNodeType.EndElement && suiteDepths.Count > 0 && reader.Depth == suiteDepths.Peek())
                {
                    suiteDepths.Pop();
                    suites.RemoveAt(suites.Count - 1);
                    reader.Read();
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "testcase")
                {
                    ReadTestCase(reader, suites, collector);
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName is not "testsuites" && reader.Depth > 0)
                {
                    // properties, system-out at suite level and unknown extensions carry no test results.
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException ex)
        {
            throw SafeXml.Malformed(ex, content);
        }

        return collector.ToResults();
    }

    private static void ReadTestCase(XmlReader reader, List<string> suites, TestCaseCollector collector)
    {
        var name = reader.GetAttribute("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw SafeXml.Error(reader, "<testcase> has no name attribute");
        }

        var className = reader.GetAttribute("classname");
        var scope = !string.IsNullOrWhiteSpace(className) ? className.Trim() : string.Join('.', suites.Where(s => s.Length > 0));
        var testId = scope.Length > 0 ? $"{scope}.{name.Trim()}" : name.Trim();
        var duration = ReadSeconds(reader, "time");

        var attempts = new List<TestAttempt>();
        TestAttempt? main = null;
        var output = new List<string>();
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
                    case "failure" or "error" or "skipped" when main is null:
                        var outcome = reader.LocalName switch
                        {
                            "failure" => TestOutcome.Failed,
                            "error" => TestOutcome.Error,
                            _ => TestOutcome.Skipped,
                        };
                        main = ReadAttempt(reader, outcome, duration, collector, output);
                        attempts.Add(main);
                        break;
                    case "flakyFailure" or "flakyError" or "rerunFailure" or "rerunError":
                        var rerunOutcome = reader.LocalName.EndsWith("Failure", StringComparison.Ordinal) ? TestOutcome.Failed : TestOutcome.Error;
                        attempts.Add(ReadAttempt(reader, rerunOutcome, ReadSeconds(reader, "time"), collector, output));
                        break;
                    case "system-out" or "system-err":
                        output.Add(SafeXml.ReadText(reader));
                        break;
                    default:
                        // A second failure element, properties, or an extension: nothing that changes the outcome.
                        reader.Skip();
                        break;
                }
            }
        }

        reader.Read();
        if (main is null)
        {
            // No failure, error or skipped element: the last attempt passed (after any flaky attempts).
            attempts.Add(new TestAttempt(TestOutcome.Passed, duration, null, null, null, []));
        }

        var attachments = output.SelectMany(FindAttachments).Distinct(StringComparer.Ordinal).ToList();
        if (attachments.Count > 0)
        {
            attempts[^1] = attempts[^1] with { Attachments = [.. attempts[^1].Attachments, .. attachments] };
        }

        if (collector.Add(testId, attempts) is { } limitError)
        {
            throw SafeXml.Error(reader, limitError);
        }
    }

    /// <summary>Reads a failure-like element: its message and type attributes, and its text or a nested stackTrace.</summary>
    private static TestAttempt ReadAttempt(XmlReader reader, TestOutcome outcome, double durationMs, TestCaseCollector collector, List<string> output)
    {
        var message = reader.GetAttribute("message");
        var type = reader.GetAttribute("type");
        string? stack = null;
        if (reader.IsEmptyElement)
        {
            reader.Read();
        }
        else
        {
            var depth = reader.Depth;
            var text = new System.Text.StringBuilder();
            reader.Read();
            while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "stackTrace")
                {
                    stack = SafeXml.ReadText(reader);
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "system-out" or "system-err")
                {
                    output.Add(SafeXml.ReadText(reader));
                }
                else if (reader.NodeType == XmlNodeType.Element)
                {
                    reader.Skip();
                }
                else
                {
                    if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                    {
                        text.Append(reader.Value);
                    }

                    reader.Read();
                }
            }

            reader.Read();
            stack ??= text.ToString();
        }

        return new TestAttempt(
            outcome,
            durationMs,
            string.IsNullOrWhiteSpace(message) ? null : collector.Truncate(message),
            string.IsNullOrWhiteSpace(stack) ? null : collector.Truncate(stack),
            string.IsNullOrWhiteSpace(type) ? null : type.Trim(),
            []);
    }

    private static double ReadSeconds(XmlReader reader, string attribute)
    {
        var value = reader.GetAttribute(attribute);
        if (string.IsNullOrWhiteSpace(value))
        {
            return 0;
        }

        // Some tools write thousands separators ("1,234.5"); the value is always seconds.
        if (!double.TryParse(value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || seconds < 0 || double.IsNaN(seconds) || double.IsInfinity(seconds))
        {
            throw SafeXml.Error(reader, $"attribute {attribute}=\"{value}\" on <{reader.LocalName}> is not a non-negative number of seconds");
        }

        return seconds * 1000;
    }

    // The Jenkins JUnit attachments convention: [[ATTACHMENT|/path/to/file]] in a test's output.
    private static IEnumerable<string> FindAttachments(string output) =>
        AttachmentPattern().Matches(output).Select(m => m.Groups[1].Value.Trim()).Where(p => p.Length > 0);

    [GeneratedRegex(@"\[\[ATTACHMENT\|([^\]\r\n]+)\]\]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AttachmentPattern();
}
