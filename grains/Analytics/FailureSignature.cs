using System.Text.RegularExpressions;

namespace Maestro.Grains.Analytics;

/// <summary>
/// What makes two failure messages "the same": volatile parts (timestamps, GUIDs, URLs, paths, hex, numbers, ANSI
/// colours) are replaced by placeholders, whitespace collapsed and case folded; and the exception type, from the
/// framework or from the message or stack text.
/// </summary>
public static partial class FailureSignature
{
    private const int MaxSignatureLength = 2000;

    public static string Normalize(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return string.Empty;
        }

        var text = message.Length > MaxSignatureLength * 2 ? message[..(MaxSignatureLength * 2)] : message;
        text = Ansi().Replace(text, string.Empty);
        text = Timestamp().Replace(text, "<ts>");
        text = Guid().Replace(text, "<guid>");
        text = Url().Replace(text, "<url>");
        text = FilePath().Replace(text, "<path>");
        text = Hex().Replace(text, "<hex>");
        text = Number().Replace(text, "<n>");
        text = Whitespace().Replace(text, " ").Trim().ToLowerInvariant();
        return text.Length > MaxSignatureLength ? text[..MaxSignatureLength] : text;
    }

    /// <summary>The framework's failure type if it gave one, else the first exception-like name in the message or stack.</summary>
    public static string ExceptionTypeOf(FailureSample failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (!string.IsNullOrWhiteSpace(failure.FailureType))
        {
            return failure.FailureType.Trim();
        }

        foreach (var text in new[] { failure.Message, failure.StackTrace })
        {
            if (text is not null && ExceptionName().Match(text.Length > 500 ? text[..500] : text) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        return string.Empty;
    }

    /// <summary>The words of a normalised signature, for similarity.</summary>
    public static HashSet<string> Tokens(string signature)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Token().Matches(signature))
        {
            tokens.Add(match.Value);
        }

        return tokens;
    }

    [GeneratedRegex(@"\x1B\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?\b|\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'""<>)]+")]
    private static partial Regex Url();

    // Absolute Unix or Windows paths with at least two segments; "expected/actual" in prose is left alone.
    [GeneratedRegex(@"(?:\b[A-Za-z]:\\|(?<![\w.])/)(?:[\w.\-]+[/\\])+[\w.\-]*")]
    private static partial Regex FilePath();

    [GeneratedRegex(@"\b0[xX][0-9a-fA-F]+\b|\b(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\b")]
    private static partial Regex Hex();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b((?:[A-Za-z_][\w$]*\.)*(?:[A-Z][\w$]*)?(?:Exception|Error))\b")]
    private static partial Regex ExceptionName();

    [GeneratedRegex(@"<\w+>|[\p{L}\p{N}_]+")]
    private static partial Regex Token();
}
