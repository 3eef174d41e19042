using Maestro.GrainInterfaces.Registry;

namespace Maestro.Grains.Tests.Registry;

/// <summary>Registrations for tests.</summary>
internal static class Registrations
{
    public static ServiceRegistration Of(string name, string baseUrl = "http://127.0.0.1:9", string? healthEndpoint = null, params string[] tags) =>
        new(name, "1.0.0", baseUrl.TrimEnd('/'), healthEndpoint, tags, new Dictionary<string, string> { ["team"] = "qa" }, new Uri(baseUrl).Port);
}
