using System.Text.Json.Serialization;
using Maestro.GrainInterfaces.Access;
using Maestro.Api.Auditing;

namespace Maestro.Api.Model;

/// <summary>The body of <c>POST /api/keys</c>.</summary>
/// <param name="Name">Required: a label for the key, 1 to 100 characters.</param>
/// <param name="Role">Required: viewer, operator or admin.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateApiKeyRequest(string? Name, ApiRole? Role) : IAuditedRequest;
