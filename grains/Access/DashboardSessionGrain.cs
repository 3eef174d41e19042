using Maestro.GrainInterfaces.Access;

namespace Maestro.Grains.Access;

/// <summary>
/// A dashboard sign-in (see <see cref="IDashboardSessionGrain"/>). Every dashboard request renews it, so a renewal is
/// kept in memory and written only when it moved the stored expiry by <see cref="RenewalWriteInterval"/>: a page
/// polling once a second costs one write a minute, and a silo that dies loses at most that minute of the lifetime.
/// A reminder, due one lifetime after sign-in and then once a lifetime, removes a session nobody signed out of once
/// it has expired, so abandoned sessions do not stay in storage.
/// </summary>
public sealed class DashboardSessionGrain(
    [PersistentState("session")] IPersistentState<DashboardSessionState> state,
    TimeProvider timeProvider) : Grain, IDashboardSessionGrain, IRemindable
{
    /// <summary>How far renewals may move the expiry in memory before it is written.</summary>
    public static readonly TimeSpan RenewalWriteInterval = TimeSpan.FromMinutes(1);

    private const string ExpiryReminder = "session-expiry";

    // Reminders tick at most once a minute (Orleans' default minimum period); the first tick comes at the due time.
    private static readonly TimeSpan MinimumSweepPeriod = TimeSpan.FromMinutes(1);

    private DateTimeOffset expiresAt;
    private DateTimeOffset checkedAt;
    private bool loaded;

    public async Task StartAsync(ApiKeyIdentity identity, string keyHash, DashboardSessionTerms terms)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentException.ThrowIfNullOrEmpty(keyHash);
        ArgumentNullException.ThrowIfNull(terms);
        var now = timeProvider.GetUtcNow();
        state.State.Identity = identity;
        state.State.KeyHash = keyHash;
        state.State.ExpiresAt = expiresAt = now + terms.Lifetime;
        state.State.CheckedAt = checkedAt = now;
        loaded = true;
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ExpiryReminder, terms.Lifetime, terms.Lifetime > MinimumSweepPeriod ? terms.Lifetime : MinimumSweepPeriod);
    }

    public async Task<ApiKeyIdentity?> ResumeAsync(DashboardSessionTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (state.State is not { Identity: { } identity, KeyHash: { } keyHash })
        {
            return null;
        }

        Load();
        var now = timeProvider.GetUtcNow();
        if (expiresAt <= now)
        {
            await EndAsync();
            return null;
        }

        if (now - checkedAt >= terms.KeyRecheckPeriod)
        {
            if (await GrainFactory.GetGrain<IApiKeyGrain>(identity.KeyId).AuthenticateAsync(keyHash) is not { } current)
            {
                await EndAsync();
                return null;
            }

            checkedAt = now;
            if (current != identity)
            {
                // A renamed key, or one whose role changed, is stored at once: other hosts must see the same role.
                state.State.Identity = identity = current;
                state.State.CheckedAt = now;
                state.State.ExpiresAt = expiresAt;
                await state.WriteStateAsync();
            }
        }

        expiresAt = now + terms.Lifetime;
        if (expiresAt - state.State.ExpiresAt >= RenewalWriteInterval)
        {
            state.State.ExpiresAt = expiresAt;
            state.State.CheckedAt = checkedAt;
            await state.WriteStateAsync();
        }

        return identity;
    }

    public async Task EndAsync()
    {
        loaded = false;
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        if (await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        DeactivateOnIdle();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Identity is null)
        {
            await EndAsync();
            return;
        }

        Load();
        if (expiresAt <= timeProvider.GetUtcNow())
        {
            await EndAsync();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Renewals held in memory are kept, so the expiry reminder of a session idle long enough to be collected
        // does not end it early.
        if (loaded && state.State.Identity is not null && expiresAt > state.State.ExpiresAt)
        {
            state.State.ExpiresAt = expiresAt;
            state.State.CheckedAt = checkedAt;
            await state.WriteStateAsync();
        }
    }

    private void Load()
    {
        if (!loaded)
        {
            (expiresAt, checkedAt, loaded) = (state.State.ExpiresAt, state.State.CheckedAt, true);
        }
    }
}
