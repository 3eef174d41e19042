using Maestro.GrainInterfaces.Access;

namespace Maestro.Api.Model;

/// <summary>The answer of <c>POST /api/keys</c>: the only time <paramref name="Key"/> is ever shown.</summary>
public sealed record CreatedApiKey(string KeyId, string Name, ApiRole Role, DateTimeOffset CreatedAt, string Key);
