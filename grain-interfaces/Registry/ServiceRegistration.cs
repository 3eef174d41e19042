namespace Maestro.GrainInterfaces.Registry;

/// <summary>What a service declares about itself when it registers (validated by <c>ServiceRegistrationValidator</c>).</summary>
/// <param name="Name">The service's name and grain key: lower-case letters, digits and '-', starting with a letter.</param>
/// <param name="Version">Semantic version <c>x.y.z</c>, optionally with a pre-release suffix.</param>
/// <param name="BaseUrl">Absolute http(s) URL the service answers on.</param>
/// <param name="HealthEndpoint">Path probed with GET relative to <paramref name="BaseUrl"/>; null means no active probes.</param>
/// <param name="Tags">Discovery tags.</param>
/// <param name="Metadata">Free-form key/value pairs.</param>
/// <param name="Port">The service's port: the one given, or the base URL's.</param>
public sealed record ServiceRegistration(
    string Name,
    string Version,
    string BaseUrl,
    string? HealthEndpoint,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Metadata,
    int Port);
