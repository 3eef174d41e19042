using System.Reflection;

namespace Maestro.Runtime.Messaging;

/// <summary>The method and arguments of a call, as filters see them.</summary>
internal sealed class Invokable(MethodInfo method, object?[] arguments) : IInvokable
{
    public MethodInfo InterfaceMethod => method;

    public int GetArgumentCount() => arguments.Length;

    public object? GetArgument(int index) => arguments[index];

    public void SetArgument(int index, object? value) => arguments[index] = value;
}
