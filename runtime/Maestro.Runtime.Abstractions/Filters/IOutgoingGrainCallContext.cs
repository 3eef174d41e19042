namespace Maestro.Runtime;

/// <summary>A call leaving a grain or client.</summary>
public interface IOutgoingGrainCallContext : IGrainCallContext
{
    /// <summary>The calling activation; <c>null</c> when the call came from a client.</summary>
    IGrainContext? SourceContext { get; }
}
