namespace Maestro.Runtime;

/// <summary>Pins a grain class's <see cref="GrainType"/> name, so renaming the class keeps its identity and state.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string grainType) : Attribute
{
    public string GrainType { get; } = grainType;
}
