namespace Maestro.Runtime;

/// <summary>Implemented by grain references and grain activations so key helpers work on both.</summary>
public interface IGrainIdentity : IAddressable
{
    GrainId GrainId { get; }
}
