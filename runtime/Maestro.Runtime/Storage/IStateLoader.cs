namespace Maestro.Runtime.Storage;

/// <summary>A persistent state the runtime loads before the grain's OnActivateAsync.</summary>
internal interface IStateLoader
{
    Task ReadStateAsync(CancellationToken cancellationToken);
}
