using System.Reflection;

namespace Maestro.Runtime;

/// <summary>A grain call as filters see it.</summary>
public interface IGrainCallContext
{
    IInvokable Request { get; }

    /// <summary>The caller's grain id; <c>null</c> when the call came from a client.</summary>
    GrainId? SourceId { get; }

    GrainId TargetId { get; }

    MethodInfo InterfaceMethod { get; }

    string InterfaceName { get; }

    string MethodName { get; }

    /// <summary>The result, once <see cref="Invoke"/> has completed; a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Runs the next filter, or the call itself.</summary>
    Task Invoke();
}
