namespace Maestro.Runtime;

/// <summary>
/// The stable name of a grain class. It is part of every grain's identity and of its storage key, so renaming a class
/// without a <see cref="GrainTypeAttribute"/> moves its state: pin the name with the attribute once state exists.
/// </summary>
public readonly record struct GrainType
{
    public GrainType(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (value.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A grain type name cannot contain '/': '{value}'.", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value;
}
