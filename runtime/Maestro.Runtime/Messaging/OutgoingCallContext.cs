using System.Reflection;
using Maestro.Runtime.Metadata;

namespace Maestro.Runtime.Messaging;

/// <summary>Runs outgoing filters in registration order, then sends the call.</summary>
internal sealed class OutgoingCallContext(
    GrainId target,
    GrainMethodDescriptor method,
    object?[] arguments,
    IOutgoingGrainCallFilter[] filters,
    Func<OutgoingCallContext, Task<object?>> send) : IOutgoingGrainCallContext
{
    private int stage;

    public IInvokable Request { get; } = new Invokable(method.Method, arguments);

    public IGrainContext? SourceContext { get; } = RuntimeContext.Current;

    public GrainId? SourceId => SourceContext?.GrainId;

    public GrainId TargetId => target;

    public MethodInfo InterfaceMethod => method.Method;

    public string InterfaceName => method.InterfaceName;

    public string MethodName => method.MethodName;

    public object? Result { get; set; }

    public GrainMethodDescriptor Method => method;

    public object?[] Arguments => arguments;

    public async Task Invoke()
    {
        var current = stage++;
        if (current < filters.Length)
        {
            await filters[current].Invoke(this);
            return;
        }

        Result = await send(this);
    }
}
