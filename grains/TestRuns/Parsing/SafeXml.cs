using System.Xml;

namespace Maestro.Grains.TestRuns.Parsing;

/// <summary>The only way result XML is read: no DTD (so no entity expansion, no external entities), no resolver.</summary>
internal static class SafeXml
{
    public static XmlReader CreateReader(byte[] content, ResultParserLimits limits)
    {
        var settings = new XmlReaderSettings
        {
            // A DOCTYPE is rejected outright: that stops billion-laughs expansion and external entities alike.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = limits.MaxFileBytes,
            CloseInput = true,
        };
        return XmlReader.Create(new MemoryStream(content, writable: false), settings);
    }

    public static ResultParseException Error(XmlReader reader, string reason) =>
        reader is IXmlLineInfo info && info.HasLineInfo()
            ? new ResultParseException(reason, info.LineNumber, info.LinePosition)
            : new ResultParseException(reason);

    public static ResultParseException Malformed(XmlException ex, byte[] content)
    {
        if (ex.LineNumber > 0)
        {
            return new($"malformed XML: {StripLocation(ex.Message)}", ex.LineNumber, ex.LinePosition, innerException: ex);
        }

        // A refused DTD carries no position, so the declaration is found in the bytes to say where it is.
        var doctype = content.AsSpan().IndexOf("<!DOCTYPE"u8);
        if (doctype < 0)
        {
            return new($"malformed XML: {StripLocation(ex.Message)}", innerException: ex);
        }

        var before = content.AsSpan(0, doctype);
        var line = before.Count((byte)'\n') + 1;
        var position = doctype - before.LastIndexOf((byte)'\n');
        return new("a DTD (<!DOCTYPE>) is not allowed in result files: entities are never expanded or fetched", line, position, innerException: ex);
    }

    /// <summary>The text content of the current element (text and CDATA), leaving the reader after its end tag.</summary>
    public static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var depth = reader.Depth;
        var text = new System.Text.StringBuilder();
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                text.Append(reader.Value);
            }
        }

        reader.Read();
        return text.ToString();
    }

    // XmlException messages end with "Line n, position m."; the position is reported separately.
    private static string StripLocation(string message)
    {
        var index = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return index > 0 ? message[..index] : message;
    }
}
