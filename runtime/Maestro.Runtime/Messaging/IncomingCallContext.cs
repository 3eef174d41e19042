using System.Reflection;
using Maestro.Runtime.Activation;

namespace Maestro.Runtime.Messaging;

/// <summary>Runs silo-wide incoming filters in registration order, then the grain's own filter, then the method.</summary>
internal sealed class IncomingCallContext(Message message, ActivationData activation, Func<object, object?[], Task> invoker, IIncomingGrainCallFilter[] filters)
    : IIncomingGrainCallContext
{
    private int stage;

    public IInvokable Request { get; } = new Invokable(message.Method.Method, message.Arguments);

    public GrainId? SourceId => message.Source;

    public GrainId TargetId => message.Target;

    public MethodInfo InterfaceMethod => message.Method.Method;

    public string InterfaceName => message.Method.InterfaceName;

    public string MethodName => message.Method.MethodName;

    public object? Result { get; set; }

    public object Grain => activation.GrainInstance!;

    public IGrainContext TargetContext => activation;

    public MethodInfo ImplementationMethod => activation.Metadata.GetImplementation(message.Method.Method);

    public async Task Invoke()
    {
        var current = stage++;
        if (current < filters.Length)
        {
            await filters[current].Invoke(this);
            return;
        }

        if (current == filters.Length && activation.GrainInstance is IIncomingGrainCallFilter grainFilter)
        {
            await grainFilter.Invoke(this);
            return;
        }

        var task = invoker(activation.GrainInstance!, message.Arguments);
        await task;
        Result = message.Method.GetResult(task);
    }
}
