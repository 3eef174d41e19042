using System.Runtime.CompilerServices;

namespace Maestro.Runtime.Serialization;

/// <summary>
/// Which type a value is written as, when it is copied or sent: its own runtime type, except for types the compiler
/// generated. A collection expression or LINQ hands back such a type (a <c>&lt;&gt;z__ReadOnlyArray&lt;T&gt;</c>
/// behind an <c>IReadOnlyList&lt;T&gt;</c>, a <c>SelectListIterator</c> behind an <c>IEnumerable&lt;T&gt;</c>); it has no
/// public shape to rebuild, so the value is written as the declared interface and read back as its standard
/// implementation, as any JSON client would.
/// </summary>
internal static class DeclaredTypes
{
    public static Type ToWrite(Type runtimeType, Type declaredType) =>
        runtimeType != declaredType && IsGenerated(runtimeType) && (declaredType.IsInterface || declaredType.IsAbstract)
            && declaredType != typeof(object) && declaredType.IsAssignableFrom(runtimeType)
            ? declaredType
            : runtimeType;

    private static bool IsGenerated(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || type.Name.StartsWith('<')
        || (type.DeclaringType is { } outer && IsGenerated(outer))
        || (!type.IsPublic && !type.IsNestedPublic && type.Assembly == typeof(Enumerable).Assembly);
}
