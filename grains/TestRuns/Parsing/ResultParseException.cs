namespace Maestro.Grains.TestRuns.Parsing;

/// <summary>A result file was rejected: <see cref="Reason"/> says what is wrong, the location says where.</summary>
public sealed class ResultParseException : Exception
{
    public ResultParseException(string reason, int? line = null, int? position = null, string? path = null, Exception? innerException = null)
        : base(Describe(reason, line, position, path), innerException)
    {
        Reason = reason;
        Line = line;
        Position = position;
        Path = path;
    }

    public string Reason { get; }

    /// <summary>1-based line of the offending content, when the format has lines.</summary>
    public int? Line { get; }

    /// <summary>1-based position within <see cref="Line"/>.</summary>
    public int? Position { get; }

    /// <summary>The JSON path of the offending element (Playwright reports), e.g. <c>suites[0].specs[1]</c>.</summary>
    public string? Path { get; }

    private static string Describe(string reason, int? line, int? position, string? path)
    {
        var where = (line, position, path) switch
        {
            ({ } l, { } p, _) => $"line {l}, position {p}: ",
            ({ } l, null, _) => $"line {l}: ",
            (_, _, { } jsonPath) => $"at {jsonPath}: ",
            _ => string.Empty,
        };
        return where + reason;
    }
}
