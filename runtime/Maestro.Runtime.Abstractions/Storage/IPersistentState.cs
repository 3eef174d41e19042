namespace Maestro.Runtime;

/// <summary>
/// State injected into a grain's constructor with <see cref="PersistentStateAttribute"/>. It is read before
/// <see cref="Grain.OnActivateAsync"/> runs and written only when the grain calls <see cref="IStorage.WriteStateAsync"/>.
/// </summary>
public interface IPersistentState<TState> : IStorage<TState>;
