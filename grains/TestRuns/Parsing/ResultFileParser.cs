using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns.Parsing;

/// <summary>Parses a whole result file into the normalised model, or rejects it; nothing partial is ever returned.</summary>
public static class ResultFileParser
{
    /// <exception cref="ResultParseException">The file is too large, malformed, hostile or not of the format.</exception>
    public static IReadOnlyList<TestCaseResult> Parse(byte[] content, ResultFormat format, ResultParserLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        if (content.LongLength > limits.MaxFileBytes)
        {
            throw new ResultParseException($"the file is {content.LongLength} bytes, more than the limit of {limits.MaxFileBytes}");
        }

        if (content.Length == 0)
        {
            throw new ResultParseException("the file is empty");
        }

        return format switch
        {
            ResultFormat.JUnit => JUnitXmlParser.Parse(content, limits),
            ResultFormat.Trx => TrxParser.Parse(content, limits),
            ResultFormat.Playwright => PlaywrightJsonParser.Parse(content, limits),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown result format"),
        };
    }

    /// <summary>Reads a format name as the REST API and the CLI accept it: junit, trx, playwright (any case).</summary>
    public static bool TryParseFormat(string? name, out ResultFormat format)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "junit" or "junit-xml" or "surefire":
                format = ResultFormat.JUnit;
                return true;
            case "trx":
                format = ResultFormat.Trx;
                return true;
            case "playwright" or "playwright-json":
                format = ResultFormat.Playwright;
                return true;
            default:
                format = default;
                return false;
        }
    }
}
