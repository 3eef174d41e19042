namespace Maestro.Runtime;

/// <summary>Accepted for source compatibility with Orleans; System.Text.Json needs no generated serializer.</summary>
[AttributeUsage(AttributeTargets.Class|AttributeTargets.Struct|AttributeTargets.Enum)]
public sealed class GenerateSerializerAttribute : Attribute;
