using System.Reflection;

namespace Maestro.Runtime.Messaging.Wire;

/// <summary>One grain interface as the wire names it: its methods by name and parameter types (null marks a clash).</summary>
internal sealed class WireInterface
{
    private WireInterface(Dictionary<string, MethodInfo?> methods, string? ambiguity)
    {
        Methods = methods;
        Ambiguity = ambiguity;
    }

    public Dictionary<string, MethodInfo?> Methods { get; }

    /// <summary>Set when several interfaces share the name, so no call can be routed by it.</summary>
    public string? Ambiguity { get; }

    public static string Key(string methodName, IEnumerable<string> parameterTypes) => $"{methodName}({string.Join(",", parameterTypes)})";

    public static WireInterface Create(Type grainInterface)
    {
        var methods = new Dictionary<string, MethodInfo?>(StringComparer.Ordinal);
        foreach (var method in grainInterface.GetMethods())
        {
            var key = Key(WireTypes.MethodName(method), method.GetParameters().Select(p => WireTypes.ParameterName(p.ParameterType)));
            methods[key] = methods.ContainsKey(key) ? null : method;
        }

        return new WireInterface(methods, null);
    }

    public static WireInterface Ambiguous(string reason) => new([], reason);
}
