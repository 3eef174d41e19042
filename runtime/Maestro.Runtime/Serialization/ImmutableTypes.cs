using System.Collections.Concurrent;
using System.Reflection;
using Maestro.Runtime.Concurrency;

namespace Maestro.Runtime.Serialization;

/// <summary>Decides which values a call may pass by reference because nobody can change them.</summary>
internal static class ImmutableTypes
{
    private static readonly ConcurrentDictionary<Type, bool> Cache = new();

    private static readonly HashSet<Type> Known =
    [
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid),
        typeof(DateOnly), typeof(TimeOnly), typeof(Uri), typeof(Version), typeof(CancellationToken), typeof(GrainId),
        typeof(GrainType), typeof(Half), typeof(Int128), typeof(UInt128), typeof(object),
    ];

    /// <summary>
    /// True for primitives, enums, well-known immutable framework types, <see cref="Immutable{T}"/>, types marked
    /// <see cref="ImmutableAttribute"/> and grain references. <see cref="object"/> counts as immutable only as a
    /// declared type: the copier decides by the runtime type.
    /// </summary>
    public static bool IsImmutable(Type type) => Cache.GetOrAdd(type, static t => Compute(t));

    private static bool Compute(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || Known.Contains(type) || type.IsDefined(typeof(ImmutableAttribute), inherit: false))
        {
            return type != typeof(object);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return IsImmutable(underlying);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Immutable<>))
        {
            return true;
        }

        return typeof(IAddressable).IsAssignableFrom(type) && !typeof(IGrainBase).IsAssignableFrom(type)
            || typeof(Type).IsAssignableFrom(type)
            || typeof(MemberInfo).IsAssignableFrom(type);
    }
}
