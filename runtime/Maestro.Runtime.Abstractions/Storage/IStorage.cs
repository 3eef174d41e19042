namespace Maestro.Runtime;

/// <summary>Operations on a grain's persisted state record.</summary>
public interface IStorage
{
    /// <summary>The version of the record last read or written; <c>null</c> when no record exists yet.</summary>
    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the state. Throws <see cref="InconsistentStateException"/> if the stored record changed since it was read.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Clears the record and resets the state to a new instance.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
