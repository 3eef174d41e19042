using Maestro.Runtime.Activation;

namespace Maestro.Runtime.Storage;

/// <summary>Creates a typed <see cref="PersistentState{TState}"/> without reflection per activation.</summary>
internal interface IPersistentStateFactory
{
    IStateLoader Create(string stateName, IGrainStorage storage, ActivationData activation);
}
