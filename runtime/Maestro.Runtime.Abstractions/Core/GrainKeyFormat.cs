using System.Globalization;

namespace Maestro.Runtime;

/// <summary>How Guid, integer and compound keys are written into <see cref="GrainId.Key"/>, and read back.</summary>
public static class GrainKeyFormat
{
    private const char ExtensionSeparator = '+';

    public static string FromGuid(Guid key, string? keyExtension = null) =>
        WithExtension(key.ToString("N", CultureInfo.InvariantCulture), keyExtension);

    public static string FromInteger(long key, string? keyExtension = null) =>
        WithExtension(key.ToString(CultureInfo.InvariantCulture), keyExtension);

    public static Guid ToGuid(string key, out string? keyExtension)
    {
        var primary = Split(key, out keyExtension);
        return Guid.TryParseExact(primary, "N", out var guid)
            ? guid
            : throw new InvalidOperationException($"Grain key '{key}' is not a Guid key.");
    }

    public static long ToInteger(string key, out string? keyExtension)
    {
        var primary = Split(key, out keyExtension);
        return long.TryParse(primary, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"Grain key '{key}' is not an integer key.");
    }

    private static string WithExtension(string primary, string? keyExtension) =>
        keyExtension is null ? primary : primary + ExtensionSeparator + keyExtension;

    private static string Split(string key, out string? keyExtension)
    {
        var plus = key.IndexOf(ExtensionSeparator, StringComparison.Ordinal);
        if (plus < 0)
        {
            keyExtension = null;
            return key;
        }

        keyExtension = key[(plus + 1)..];
        return key[..plus];
    }
}
