using Maestro.GrainInterfaces.Access;

namespace Maestro.Grains.Access;

/// <summary>
/// Lists keys and changes them. A new key is listed first and stored in its own grain second: a crash in between
/// leaves a listed key that cannot authenticate (and can be revoked), never a working key nobody can see.
/// </summary>
public sealed class ApiKeyDirectoryGrain(
    [PersistentState("directory")] IPersistentState<ApiKeyDirectoryState> state,
    TimeProvider timeProvider) : Grain, IApiKeyDirectoryGrain
{
    public const int MaxNameLength = 100;

    public async Task<ApiKeySummary> CreateAsync(string keyId, string name, ApiRole role, string sha256Hex, string createdBy)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentException.ThrowIfNullOrEmpty(sha256Hex);
        ArgumentException.ThrowIfNullOrEmpty(createdBy);
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            throw new ArgumentException($"A key name must be 1 to {MaxNameLength} characters, not blank.", nameof(name));
        }

        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role.");
        }

        if (state.State.Keys.Any(k => k.KeyId == keyId))
        {
            throw new InvalidOperationException($"A key with id {keyId} exists already.");
        }

        var summary = new ApiKeySummary(keyId, name.Trim(), role, timeProvider.GetUtcNow(), createdBy, null);
        state.State.Keys.Add(summary);
        state.State.Bootstrapped = true;
        await state.WriteStateAsync();
        if (!await GrainFactory.GetGrain<IApiKeyGrain>(keyId).CreateAsync(summary, sha256Hex))
        {
            throw new InvalidOperationException($"A key with id {keyId} exists already.");
        }

        return summary;
    }

    public Task<IReadOnlyList<ApiKeySummary>> ListAsync() => Task.FromResult<IReadOnlyList<ApiKeySummary>>(state.State.Keys.ToList());

    public async Task<RevokeOutcome> RevokeAsync(string keyId)
    {
        var index = state.State.Keys.FindIndex(k => k.KeyId == keyId);
        if (index < 0)
        {
            return RevokeOutcome.NotFound;
        }

        var key = state.State.Keys[index];
        if (key.RevokedAt is not null)
        {
            return RevokeOutcome.AlreadyRevoked;
        }

        if (key.Role == ApiRole.Admin && !state.State.Keys.Any(k => k.KeyId != keyId && k.Role == ApiRole.Admin && k.RevokedAt is null))
        {
            return RevokeOutcome.LastAdmin;
        }

        var now = timeProvider.GetUtcNow();
        state.State.Keys[index] = key with { RevokedAt = now };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IApiKeyGrain>(keyId).RevokeAsync(now);
        return RevokeOutcome.Revoked;
    }

    public async Task<BootstrapOutcome> BootstrapAsync(string keyId, string sha256Hex)
    {
        if (!state.State.Bootstrapped && state.State.Keys.Count == 0)
        {
            await CreateAsync(keyId, IApiKeyDirectoryGrain.BootstrapKeyName, ApiRole.Admin, sha256Hex, "bootstrap");
            return BootstrapOutcome.Created;
        }

        return state.State.Keys.Any(k => k.KeyId == keyId)
            && await GrainFactory.GetGrain<IApiKeyGrain>(keyId).AuthenticateAsync(sha256Hex) is not null
            ? BootstrapOutcome.AlreadyPresent
            : BootstrapOutcome.Ignored;
    }
}
