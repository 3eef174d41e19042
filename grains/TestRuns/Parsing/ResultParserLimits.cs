namespace Maestro.Grains.TestRuns.Parsing;

/// <summary>Bounds on what one result file may hold, so a hostile or runaway file cannot exhaust the silo.</summary>
public sealed class ResultParserLimits
{
    /// <summary>Largest accepted file. Default 64 MiB: a 10 000-test JUnit file with stack traces is a few MiB.</summary>
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Most distinct tests in one file. Default 200 000.</summary>
    public int MaxTests { get; set; } = 200_000;

    /// <summary>Most attempts of one test in one file (retries, reruns). Default 100.</summary>
    public int MaxAttemptsPerTest { get; set; } = 100;

    /// <summary>Longest kept message or stack trace; longer ones are cut with a marker rather than rejected. Default 16 384 characters.</summary>
    public int MaxTextLength { get; set; } = 16_384;

    /// <summary>Deepest nesting of suites or JSON. Default 64.</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>The text trimmed, and cut to <see cref="MaxTextLength"/> with a marker when longer.</summary>
    public string Cut(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var trimmed = text.Trim();
        return trimmed.Length <= MaxTextLength ? trimmed : string.Concat(trimmed.AsSpan(0, MaxTextLength), " …[truncated]");
    }

    public void Validate()
    {
        if (MaxFileBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFileBytes), MaxFileBytes, "must be at least 1 byte");
        }

        if (MaxTests < 1 || MaxAttemptsPerTest < 1 || MaxTextLength < 64 || MaxDepth < 2)
        {
            throw new ArgumentException(
                $"{nameof(MaxTests)} and {nameof(MaxAttemptsPerTest)} must be at least 1, {nameof(MaxTextLength)} at least 64 and {nameof(MaxDepth)} at least 2.");
        }
    }
}
