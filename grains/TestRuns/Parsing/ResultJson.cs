using System.Text.Json;

namespace Maestro.Grains.TestRuns.Parsing;

/// <summary>
/// Reading the JSON reports tools write (Playwright's, Jest's, ESLint's): parsing within the limits and failing with
/// the line, the position or the JSON path of what is wrong.
/// </summary>
public static class ResultJson
{
    public static JsonDocument Parse(byte[] content, ResultParserLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        if (content.LongLength > limits.MaxFileBytes)
        {
            throw new ResultParseException($"the report is {content.LongLength} bytes, more than the limit of {limits.MaxFileBytes}");
        }

        try
        {
            return JsonDocument.Parse(content, new JsonDocumentOptions
            {
                MaxDepth = limits.MaxDepth * 4,
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException ex)
        {
            // JsonException counts lines and bytes from 0, and appends its own location we already report.
            var message = ex.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            throw new ResultParseException(
                $"malformed JSON: {(cut > 0 ? message[..cut] : message)}", (int?)ex.LineNumber + 1, (int?)ex.BytePositionInLine + 1, innerException: ex);
        }
    }

    public static void Require(JsonElement element, JsonValueKind kind, string path)
    {
        if (element.ValueKind != kind)
        {
            throw new ResultParseException($"expected {kind.ToString().ToLowerInvariant()}, found {element.ValueKind.ToString().ToLowerInvariant()}", path: path);
        }
    }

    public static string? OptionalString(JsonElement element, string property, string path)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ResultParseException($"\"{property}\" is not a string", path: $"{path}.{property}");
    }

    public static int? OptionalInt(JsonElement element, string property, string path)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new ResultParseException($"\"{property}\" is not a whole number", path: $"{path}.{property}");
    }
}
