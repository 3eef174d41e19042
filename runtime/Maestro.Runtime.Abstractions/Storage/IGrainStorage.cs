namespace Maestro.Runtime;

/// <summary>
/// A storage provider. Implementations must follow the ETag rules: every write changes the ETag; a write or clear whose
/// ETag differs from the stored one (including <c>null</c> when a record exists) throws <see cref="InconsistentStateException"/>;
/// a clear leaves <see cref="IGrainState{TState}.RecordExists"/> false and the state a new instance.
/// </summary>
public interface IGrainStorage
{
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);
}
