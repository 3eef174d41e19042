using Maestro.GrainInterfaces.Registry;

namespace Maestro.Grains.Registry;

/// <summary>The result of validating a registration: the registration, or the errors by field name (never both).</summary>
public sealed record ServiceRegistrationValidation(ServiceRegistration? Registration, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Registration is not null;
}
