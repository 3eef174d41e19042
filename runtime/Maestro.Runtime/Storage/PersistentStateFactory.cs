using Maestro.Runtime.Activation;

namespace Maestro.Runtime.Storage;

/// <summary>The typed half of <see cref="IPersistentStateFactory"/>.</summary>
internal sealed class PersistentStateFactory<TState> : IPersistentStateFactory
{
    public IStateLoader Create(string stateName, IGrainStorage storage, ActivationData activation) =>
        new PersistentState<TState>(stateName, storage, activation);
}
