using System.Text;

namespace Maestro.Tests.Shared;

/// <summary>
/// A strict RFC 4180 reader (CRLF rows, quoted fields with doubled quotes), written independently of the CSV writer
/// so tests can read exports back field by field. Shared by the grain and silo tests (linked source).
/// </summary>
internal static class Rfc4180Reader
{
    public static List<List<string>> Read(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                if (field.Length != 0)
                {
                    throw new FormatException($"A quote inside an unquoted field at {i}.");
                }

                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else if (c is '\r' or '\n')
            {
                throw new FormatException($"A bare line break outside quotes at {i}.");
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted || row.Count > 0 || field.Length > 0)
        {
            throw new FormatException("The CSV does not end with a complete CRLF-terminated row.");
        }

        return rows;
    }
}
