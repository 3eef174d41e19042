namespace Maestro.Runtime;

/// <summary>
/// The identity of a grain: its type and its key, printed as <c>type/key</c>. The key is the exact string the caller
/// gave (or the canonical text of a Guid or integer key, with <c>+extension</c> for compound keys); it is never
/// re-parsed, so distinct strings are always distinct grains.
/// </summary>
public readonly record struct GrainId(GrainType Type, string Key)
{
    public static GrainId Create(string type, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new GrainId(new GrainType(type), key);
    }

    /// <summary>Parses the <c>type/key</c> form produced by <see cref="ToString"/>.</summary>
    public static GrainId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new FormatException($"'{value}' is not a grain id: expected 'type/key'.");
        }

        return Create(value[..slash], value[(slash + 1)..]);
    }

    public override string ToString() => $"{Type.Value}/{Key}";
}
