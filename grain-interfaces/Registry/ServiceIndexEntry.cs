namespace Maestro.GrainInterfaces.Registry;

/// <summary>What the service index keeps about one service, for discovery.</summary>
/// <remarks><c>Revision</c> is the service grain's revision; the index ignores an update older than what it has.</remarks>
public sealed record ServiceIndexEntry(
    string Name,
    string Version,
    string BaseUrl,
    IReadOnlyList<string> Tags,
    ServiceStatus Status,
    DateTimeOffset StatusChangedAt,
    long Revision);
