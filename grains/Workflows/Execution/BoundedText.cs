using System.Text;

namespace Maestro.Grains.Workflows;

/// <summary>Reads a text stream to its end but keeps at most a fixed number of characters, so a chatty process or a large response cannot exhaust memory.</summary>
public static class BoundedText
{
    public const int DefaultLimit = 1 << 20;

    public static async Task<string> ReadAsync(TextReader reader, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var kept = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            var room = limit - kept.Length;
            if (room > 0)
            {
                kept.Append(buffer, 0, Math.Min(room, read));
            }
        }

        return kept.ToString();
    }
}
