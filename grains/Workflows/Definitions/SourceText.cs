namespace Maestro.Grains.Workflows;

/// <summary>
/// A string from the definition with where it was written, so a bad expression inside it is reported at its own
/// column. <paramref name="ContentOffset"/> is 1 for a quoted scalar (the quote precedes the text), else 0.
/// </summary>
public sealed record SourceText(string Value, SourcePosition Position, int ContentOffset)
{
    /// <summary>The position of the character at <paramref name="offset"/> in <see cref="Value"/>.</summary>
    public SourcePosition PositionOf(int offset)
    {
        var line = Position.Line;
        var column = Position.Column + ContentOffset;
        for (var i = 0; i < offset && i < Value.Length; i++)
        {
            if (Value[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new SourcePosition(line, column);
    }
}
