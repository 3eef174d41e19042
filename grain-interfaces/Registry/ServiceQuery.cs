namespace Maestro.GrainInterfaces.Registry;

/// <summary>A discovery query; every criterion given must hold.</summary>
/// <param name="Name">Exact service name.</param>
/// <param name="Tags">The service carries all of these tags.</param>
/// <param name="Status">The service is in this status.</param>
public sealed record ServiceQuery(string? Name = null, IReadOnlyList<string>? Tags = null, ServiceStatus? Status = null);
