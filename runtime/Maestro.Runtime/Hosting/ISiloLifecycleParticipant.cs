namespace Maestro.Runtime.Hosting;

/// <summary>
/// A silo component that must start before grains run (a storage provider creating its schema) and stop after the
/// last grain deactivated (flushing). Register it as a singleton service of this type.
/// </summary>
public interface ISiloLifecycleParticipant
{
    Task OnSiloStartAsync(CancellationToken cancellationToken);

    Task OnSiloStopAsync(CancellationToken cancellationToken);
}
