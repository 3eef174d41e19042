namespace Maestro.Runtime;

/// <summary>Accepted for source compatibility with Orleans; members are serialized by name, which is what versions contracts here.</summary>
[AttributeUsage(AttributeTargets.Property|AttributeTargets.Field|AttributeTargets.Parameter)]
public sealed class IdAttribute(uint id) : Attribute
{
    public uint Id { get; } = id;
}
