using System.Reflection;
using Maestro.Runtime.Metadata;

namespace Maestro.Runtime.Messaging.Wire;

/// <summary>
/// What the codec needs to know about one grain method, worked out once: its wire names (aliases are read by
/// reflection) and the texts that name its values in error messages. Building these per call cost more than the
/// JSON of a small call did.
/// </summary>
internal sealed class WireMethod
{
    public WireMethod(MethodInfo method, GrainMethodDescriptor descriptor)
    {
        Parameters = method.GetParameters();
        InterfaceName = WireTypes.InterfaceName(method.DeclaringType!);
        MethodName = WireTypes.MethodName(method);
        ParameterTypeNames = [.. Parameters.Select(p => WireTypes.ParameterName(p.ParameterType))];
        Where = $"{InterfaceName}.{MethodName}";
        OutgoingArguments = [.. Parameters.Select((p, i) => $"argument {i} ({p.Name}) of {descriptor}")];
        IncomingArguments = [.. Parameters.Select((p, i) => $"Argument {i} ({p.Name}) of {Where}")];
        OutgoingResult = $"the result of {descriptor}";
        IncomingResult = $"The result of {descriptor}";
    }

    public ParameterInfo[] Parameters { get; }

    public string InterfaceName { get; }

    public string MethodName { get; }

    public string[] ParameterTypeNames { get; }

    /// <summary><c>Interface.Method</c> as the wire names it.</summary>
    public string Where { get; }

    public string[] OutgoingArguments { get; }

    public string[] IncomingArguments { get; }

    public string OutgoingResult { get; }

    public string IncomingResult { get; }
}
