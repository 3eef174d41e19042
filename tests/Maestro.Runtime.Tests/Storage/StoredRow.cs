namespace Maestro.Runtime.Tests.Storage;

/// <summary>A <c>grain_state</c> row as the database holds it, read around the provider.</summary>
/// <param name="Payload">The stored JSON as UTF-8 bytes; <c>null</c> for a tombstone.</param>
/// <param name="Etag">The stored ETag.</param>
public sealed record StoredRow(byte[]? Payload, long Etag);
