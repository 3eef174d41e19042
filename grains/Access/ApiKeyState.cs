using Maestro.GrainInterfaces.Access;

namespace Maestro.Grains.Access;

/// <summary>The persistent state of an <see cref="ApiKeyGrain"/>: the key's summary and the hash of the key.</summary>
public sealed class ApiKeyState
{
    public ApiKeySummary? Summary { get; set; }

    public string? Sha256Hex { get; set; }
}
