namespace Maestro.Runtime;

/// <summary>A stable name for a type or method on the wire, so renaming the C# type does not break stored or in-flight data.</summary>
[AttributeUsage(AttributeTargets.Class|AttributeTargets.Struct|AttributeTargets.Method|AttributeTargets.Interface|AttributeTargets.Enum)]
public sealed class AliasAttribute(string alias) : Attribute
{
    public string Alias { get; } = alias;
}
