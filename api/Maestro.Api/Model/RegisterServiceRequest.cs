using System.Text.Json.Serialization;
using Maestro.Api.Auditing;

namespace Maestro.Api.Model;

/// <summary>The body of <c>POST /api/services</c>. Unknown properties are refused, so a misspelt field is an error, not a silent default.</summary>
/// <param name="Name">Required: lower-case letters, digits and '-', starting with a letter (at most 63).</param>
/// <param name="Version">Required: semantic version x.y.z.</param>
/// <param name="BaseUrl">Required: absolute http(s) URL.</param>
/// <param name="HealthEndpoint">Path probed with GET (e.g. /health); leave it out for no active probes.</param>
/// <param name="Tags">Discovery tags.</param>
/// <param name="Metadata">Free-form key/value pairs.</param>
/// <param name="Port">1–65535; taken from the base URL when left out, and must match its explicit port.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RegisterServiceRequest(
    string? Name,
    string? Version,
    string? BaseUrl,
    string? HealthEndpoint,
    IReadOnlyList<string>? Tags,
    IReadOnlyDictionary<string, string>? Metadata,
    int? Port) : IAuditedRequest;
