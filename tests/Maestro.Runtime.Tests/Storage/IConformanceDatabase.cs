namespace Maestro.Runtime.Tests.Storage;

/// <summary>
/// One private database of a storage backend under the conformance suite: it makes providers on that database, as a
/// silo would configure them, and reads or damages rows directly, to check what a provider really leaves behind.
/// </summary>
/// <typeparam name="TStorage">The provider type.</typeparam>
public interface IConformanceDatabase<out TStorage>
{
    /// <summary>A new, not yet started provider; the caller starts and disposes it.</summary>
    TStorage CreateStorage(string serviceId, bool deleteStateOnClear);

    /// <summary>The row of one record, or <c>null</c> when there is none.</summary>
    Task<StoredRow?> ReadRowAsync(string serviceId, GrainId grainId, string stateName);

    /// <summary>Replaces the payload of an existing row, as a hand edit or a bad migration would, leaving its ETag alone.</summary>
    Task OverwritePayloadAsync(string serviceId, GrainId grainId, string stateName, byte[] payload);
}
