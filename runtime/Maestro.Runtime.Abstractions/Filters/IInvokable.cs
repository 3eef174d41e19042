using System.Reflection;

namespace Maestro.Runtime;

/// <summary>The request inside a grain call: which method, with which arguments. Filters may read and replace arguments.</summary>
public interface IInvokable
{
    MethodInfo InterfaceMethod { get; }

    int GetArgumentCount();

    object? GetArgument(int index);

    void SetArgument(int index, object? value);
}
