using System.Collections.Concurrent;
using System.Reflection;
using Maestro.Runtime.Concurrency;

namespace Maestro.Runtime.Messaging.Wire;

/// <summary>
/// Type names on the wire: how a type is named, how a name is resolved (only among assemblies already loaded, so a
/// message can never make this process load code), and which resolved types a message may ask us to create.
/// </summary>
internal static class WireTypes
{
    private static readonly ConcurrentDictionary<string, Type> Resolved = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, bool> Allowed = new();
    private static readonly string AbstractionsAssembly = typeof(IGrain).Assembly.GetName().Name!;

    private static readonly HashSet<Type> Scalars =
    [
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid),
        typeof(DateOnly), typeof(TimeOnly), typeof(Uri), typeof(Version), typeof(GrainId), typeof(GrainType),
        typeof(Half), typeof(Int128), typeof(UInt128),
    ];

    // Plain data containers whose type arguments decide whether they are safe.
    private static readonly HashSet<Type> Containers =
    [
        typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>), typeof(SortedDictionary<,>), typeof(KeyValuePair<,>),
        typeof(Immutable<>), typeof(Nullable<>), typeof(ValueTuple<>), typeof(ValueTuple<,>), typeof(ValueTuple<,,>),
        typeof(ValueTuple<,,,>),
    ];

    /// <summary>The name written for a value's runtime type or an exception's type.</summary>
    public static string NameOf(Type type) => type.AssemblyQualifiedName ?? type.FullName ?? type.Name;

    /// <summary>A short, stable name for a parameter type, used to choose between overloads.</summary>
    public static string ParameterName(Type type)
    {
        if (type.GetCustomAttribute<AliasAttribute>() is { } alias)
        {
            return alias.Alias;
        }

        if (type.IsArray)
        {
            return ParameterName(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition().FullName!;
            return definition[..definition.IndexOf('`', StringComparison.Ordinal)]
                + "<" + string.Join(",", type.GetGenericArguments().Select(ParameterName)) + ">";
        }

        return type.FullName ?? type.Name;
    }

    /// <summary>The interface's [Alias], else its full name.</summary>
    public static string InterfaceName(Type grainInterface) =>
        grainInterface.GetCustomAttribute<AliasAttribute>()?.Alias ?? grainInterface.FullName ?? grainInterface.Name;

    /// <summary>The method's [Alias], else its name.</summary>
    public static string MethodName(MethodInfo method) => method.GetCustomAttribute<AliasAttribute>()?.Alias ?? method.Name;

    /// <summary>Finds a type by its wire name among loaded assemblies only; null when it is not there.</summary>
    public static Type? Resolve(string name)
    {
        if (Resolved.TryGetValue(name, out var known))
        {
            return known;
        }

        Type? type;
        try
        {
            type = Type.GetType(name, FindLoadedAssembly, typeResolver: null, throwOnError: false);
        }
        catch (Exception ex) when (ex is ArgumentException or FileLoadException or BadImageFormatException or TypeLoadException)
        {
            // A malformed name resolves to nothing; the caller reports it as an unknown type.
            type = null;
        }

        // Only hits are cached, so a stream of made-up names cannot grow the cache.
        if (type is not null)
        {
            Resolved.TryAdd(name, type);
        }

        return type;
    }

    /// <summary>
    /// May a message ask us to create a value of this concrete type in place of a declared base type? Only plain data:
    /// scalars, enums, arrays and standard collections of allowed types, and types from grain contract assemblies (the
    /// ones that reference the abstractions) or from the declared type's own assembly. Declaring a parameter as
    /// <see cref="object"/> therefore does not open the door to arbitrary framework types.
    /// </summary>
    public static bool IsAllowedSubtype(Type type, Type declared) =>
        !type.IsAbstract && !type.IsInterface && !type.ContainsGenericParameters && declared.IsAssignableFrom(type)
        && (IsAllowedData(type) || (declared != typeof(object) && declared.Assembly == type.Assembly && !IsFramework(type.Assembly)));

    private static bool IsAllowedData(Type type) => Allowed.GetOrAdd(type, static t => ComputeAllowed(t));

    private static bool ComputeAllowed(Type type)
    {
        if (type == typeof(object) || type.IsPrimitive || type.IsEnum || Scalars.Contains(type))
        {
            return true;
        }

        if (typeof(Delegate).IsAssignableFrom(type) || typeof(MemberInfo).IsAssignableFrom(type) || type.IsPointer || type.IsByRef)
        {
            return false;
        }

        if (type.IsArray)
        {
            return IsAllowedElement(type.GetElementType()!);
        }

        if (type.IsGenericType)
        {
            return Containers.Contains(type.GetGenericTypeDefinition()) && type.GetGenericArguments().All(IsAllowedElement);
        }

        return IsContractAssembly(type.Assembly);
    }

    // Elements are written by their declared type, so an interface element type (a grain reference) is fine here.
    private static bool IsAllowedElement(Type type) =>
        IsAllowedData(type) || (type.IsInterface && typeof(IAddressable).IsAssignableFrom(type)) || (type.IsAbstract && IsContractAssembly(type.Assembly));

    private static bool IsContractAssembly(Assembly assembly) =>
        assembly.GetName().Name == AbstractionsAssembly || assembly.GetReferencedAssemblies().Any(r => r.Name == AbstractionsAssembly);

    private static bool IsFramework(Assembly assembly) =>
        assembly == typeof(object).Assembly || assembly.GetName().Name is { } name && (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal));

    private static Assembly? FindLoadedAssembly(AssemblyName name) =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => !a.IsDynamic && string.Equals(a.GetName().Name, name.Name, StringComparison.Ordinal));
}
