using Maestro.Runtime.Activation;

namespace Maestro.Runtime.Storage;

/// <summary>A grain's view of one state record, bound to its activation and storage provider.</summary>
internal sealed class PersistentState<TState>(string stateName, IGrainStorage storage, ActivationData activation)
    : IPersistentState<TState>, IStateLoader
{
    private readonly GrainState<TState> grainState = new(StateFactory.Create<TState>());

    public TState State
    {
        get => grainState.State;
        set => grainState.State = value;
    }

    public string? Etag => grainState.ETag;

    public bool RecordExists => grainState.RecordExists;

    public Task ReadStateAsync(CancellationToken cancellationToken = default) =>
        RunAsync(static (s, n, id, g) => s.ReadStateAsync(n, id, g), cancellationToken);

    public Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        RunAsync(static (s, n, id, g) => s.WriteStateAsync(n, id, g), cancellationToken);

    public Task ClearStateAsync(CancellationToken cancellationToken = default) =>
        RunAsync(static (s, n, id, g) => s.ClearStateAsync(n, id, g), cancellationToken);

    private async Task RunAsync(Func<IGrainStorage, string, GrainId, IGrainState<TState>, Task> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await operation(storage, stateName, activation.GrainId, grainState);
        }
        catch (InconsistentStateException ex)
        {
            // Marks the exception as this activation's own, so the runtime deactivates this activation and not its callers.
            ex.SourceActivationId = activation.ActivationId;
            throw;
        }
    }
}
