using System.Reflection;
using Maestro.Runtime.Messaging;

namespace Maestro.Runtime.Proxies;

/// <summary>A grain reference: every interface method call becomes a message to the grain. Equal when the grain ids are equal.</summary>
internal class GrainProxy : DispatchProxy, IGrainIdentity
{
    private GrainCallInvoker? invoker;

    public GrainId GrainId { get; private set; }

    public override bool Equals(object? obj) => obj is GrainProxy other && other.GrainId == GrainId;

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => $"GrainReference:{GrainId}";

    internal void Initialize(GrainId grainId, GrainCallInvoker callInvoker)
    {
        GrainId = grainId;
        invoker = callInvoker;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return invoker!.Invoke(GrainId, targetMethod, args ?? []);
    }
}
