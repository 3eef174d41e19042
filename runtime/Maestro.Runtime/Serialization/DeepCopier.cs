namespace Maestro.Runtime.Serialization;

/// <summary>
/// Copies call arguments and results so a caller and a grain never share a mutable object. Immutable values pass
/// through; everything else makes a JSON round trip by its runtime type, the same path a remote call would take, so
/// a type that cannot cross a silo boundary fails here too, in the single-silo tests.
/// </summary>
internal sealed class DeepCopier(GrainSerializer serializer)
{
    /// <summary>A copy of <paramref name="value"/>, declared as <paramref name="declaredType"/> where it is passed or returned.</summary>
    public object? Copy(object? value, Type declaredType)
    {
        if (value is null)
        {
            return null;
        }

        var type = DeclaredTypes.ToWrite(value.GetType(), declaredType);
        if (ImmutableTypes.IsImmutable(type))
        {
            return value;
        }

        try
        {
            return serializer.Deserialize(serializer.Serialize(value, type), type);
        }
        catch (Exception ex) when (ex is NotSupportedException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new OrleansException(
                $"A value of type {type.FullName} cannot be copied across a grain call: {ex.Message} " +
                "Use a record or class with public properties, or mark the type [Immutable] if it never changes.", ex);
        }
    }
}
