using System.Globalization;
using System.Text.RegularExpressions;
using Maestro.GrainInterfaces.Registry;

namespace Maestro.Grains.Registry;

/// <summary>
/// Checks what a service declares before the registry stores it, and says what is wrong by field name (the REST API
/// turns that into a validation problem). Names follow DNS labels, so they work as grain keys, URLs and tags alike.
/// </summary>
public static partial class ServiceRegistrationValidator
{
    public const int MaxTags = 32;

    public const int MaxMetadataEntries = 64;

    public const int MaxMetadataKeyLength = 64;

    public const int MaxMetadataValueLength = 1024;

    public static ServiceRegistrationValidation Validate(
        string? name,
        string? version,
        string? baseUrl,
        string? healthEndpoint,
        IReadOnlyList<string>? tags,
        IReadOnlyDictionary<string, string>? metadata,
        int? port)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Fail(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (string.IsNullOrEmpty(name))
        {
            Fail("name", "The name is required.");
        }
        else if (!IsValidName(name))
        {
            Fail("name", $"'{name}' is not a valid service name: 1 to 63 lower-case letters, digits and '-', starting with a letter and ending with a letter or digit.");
        }

        if (string.IsNullOrEmpty(version))
        {
            Fail("version", "The version is required.");
        }
        else if (!VersionPattern().IsMatch(version))
        {
            Fail("version", $"'{version}' is not a semantic version x.y.z (optionally with a '-pre-release' suffix).");
        }

        Uri? url = null;
        if (string.IsNullOrEmpty(baseUrl))
        {
            Fail("baseUrl", "The base URL is required.");
        }
        else if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            Fail("baseUrl", $"'{baseUrl}' is not an absolute http or https URL.");
            url = null;
        }
        else if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment) || !string.IsNullOrEmpty(url.UserInfo))
        {
            Fail("baseUrl", "The base URL must not carry a query, a fragment or credentials.");
            url = null;
        }

        if (healthEndpoint is not null && (!healthEndpoint.StartsWith('/') || healthEndpoint.StartsWith("//", StringComparison.Ordinal)
                || healthEndpoint.Length > 1024 || healthEndpoint.Any(char.IsWhiteSpace)))
        {
            Fail("healthEndpoint", $"'{healthEndpoint}' is not a path: it must start with a single '/', have no spaces and at most 1024 characters.");
        }

        var effectivePort = port;
        if (port is { } p && p is < 1 or > 65535)
        {
            Fail("port", $"{p.ToString(CultureInfo.InvariantCulture)} is not a port: it must be from 1 to 65535.");
        }
        else if (url is not null)
        {
            if (port is null)
            {
                effectivePort = url.Port;
            }
            else if (!url.IsDefaultPort && url.Port != port)
            {
                Fail("port", $"The port {port.Value.ToString(CultureInfo.InvariantCulture)} differs from the base URL's port {url.Port.ToString(CultureInfo.InvariantCulture)}.");
            }
        }

        var tagList = tags ?? [];
        if (tagList.Count > MaxTags)
        {
            Fail("tags", $"At most {MaxTags} tags are allowed; got {tagList.Count}.");
        }

        for (var i = 0; i < tagList.Count; i++)
        {
            if (tagList[i] is null || !TagPattern().IsMatch(tagList[i]))
            {
                Fail($"tags[{i}]", $"'{tagList[i]}' is not a valid tag: 1 to 63 lower-case letters, digits, '.', '_' and '-', starting with a letter or digit.");
            }
        }

        var metadataMap = metadata ?? new Dictionary<string, string>();
        if (metadataMap.Count > MaxMetadataEntries)
        {
            Fail("metadata", $"At most {MaxMetadataEntries} metadata entries are allowed; got {metadataMap.Count}.");
        }

        foreach (var (key, value) in metadataMap)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Length > MaxMetadataKeyLength)
            {
                Fail("metadata", $"The metadata key '{key}' must be 1 to {MaxMetadataKeyLength} characters, not blank.");
            }
            else if (value is null || value.Length > MaxMetadataValueLength)
            {
                Fail($"metadata.{key}", $"The value must be present and at most {MaxMetadataValueLength} characters.");
            }
        }

        if (errors.Count > 0)
        {
            return new ServiceRegistrationValidation(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        var registration = new ServiceRegistration(
            name!,
            version!,
            url!.ToString().TrimEnd('/'),
            healthEndpoint,
            tagList.Distinct(StringComparer.Ordinal).ToArray(),
            new Dictionary<string, string>(metadataMap, StringComparer.Ordinal),
            effectivePort!.Value);
        return new ServiceRegistrationValidation(registration, new Dictionary<string, string[]>());
    }

    /// <summary>Validates a registration that is already a record (the grain does this too, as a second line).</summary>
    public static ServiceRegistrationValidation Validate(ServiceRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return Validate(registration.Name, registration.Version, registration.BaseUrl, registration.HealthEndpoint, registration.Tags, registration.Metadata, registration.Port);
    }

    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    public static bool IsValidTag(string? tag) => tag is not null && TagPattern().IsMatch(tag);

    [GeneratedRegex("^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]{1,64})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,62}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
