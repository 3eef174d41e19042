namespace Maestro.Runtime;

/// <summary>A connection to the cluster. Inside a silo, the co-hosted client calls grains without a network hop.</summary>
public interface IClusterClient : IGrainFactory
{
    IServiceProvider ServiceProvider { get; }
}
