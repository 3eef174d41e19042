using System.Reflection;

namespace Maestro.Runtime;

/// <summary>A call arriving at a grain.</summary>
public interface IIncomingGrainCallContext : IGrainCallContext
{
    object Grain { get; }

    IGrainContext TargetContext { get; }

    MethodInfo ImplementationMethod { get; }
}
