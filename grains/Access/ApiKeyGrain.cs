using Maestro.GrainInterfaces.Access;

namespace Maestro.Grains.Access;

/// <summary>One API key: answers "who is this key" for every authenticated request (read-only calls interleave).</summary>
public sealed class ApiKeyGrain([PersistentState("key")] IPersistentState<ApiKeyState> state) : Grain, IApiKeyGrain
{
    public async Task<bool> CreateAsync(ApiKeySummary summary, string sha256Hex)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentException.ThrowIfNullOrEmpty(sha256Hex);
        if (state.State.Summary is not null)
        {
            return false;
        }

        state.State.Summary = summary;
        state.State.Sha256Hex = sha256Hex;
        await state.WriteStateAsync();
        return true;
    }

    public Task<ApiKeyIdentity?> AuthenticateAsync(string sha256Hex)
    {
        ArgumentNullException.ThrowIfNull(sha256Hex);
        var summary = state.State.Summary;
        var stored = state.State.Sha256Hex;
        var valid = summary is { RevokedAt: null } && stored is not null && ApiKeyCodec.HashesEqual(stored, sha256Hex);
        return Task.FromResult(valid ? new ApiKeyIdentity(summary!.KeyId, summary.Name, summary.Role) : null);
    }

    public async Task<bool> RevokeAsync(DateTimeOffset at)
    {
        if (state.State.Summary is not { RevokedAt: null } summary)
        {
            return false;
        }

        state.State.Summary = summary with { RevokedAt = at };
        await state.WriteStateAsync();
        return true;
    }
}
