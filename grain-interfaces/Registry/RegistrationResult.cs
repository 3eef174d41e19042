namespace Maestro.GrainInterfaces.Registry;

/// <summary>The answer to a registration: the service as stored, and whether it was new.</summary>
public sealed record RegistrationResult(ServiceSnapshot Service, bool Created);
