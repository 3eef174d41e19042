namespace Maestro.Grains.AutoRepair;

/// <summary>
/// Decides whether a failure found by a monitor is queued for repair: once per cool-down per fingerprint. The
/// original queued the same failure on every 30-second round. The last-queued times live in the caller's persisted
/// state, so a restarted silo does not queue everything again.
/// </summary>
/// <param name="coolDown">How long after a fingerprint was queued the same fingerprint is ignored.</param>
/// <param name="lastQueued">Fingerprint to the time it was last queued; the automation grain's state.</param>
/// <param name="maxEntries">Most fingerprints remembered; the ones past their cool-down are forgotten first.</param>
public sealed class RepairCooldown(TimeSpan coolDown, IDictionary<string, DateTimeOffset> lastQueued, int maxEntries = 10_000)
{
    /// <summary>True, and the time recorded, when the fingerprint was not queued within the cool-down before <paramref name="now"/>.</summary>
    public bool TryAdmit(string fingerprint, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        if (lastQueued.TryGetValue(fingerprint, out var queuedAt) && now - queuedAt < coolDown)
        {
            return false;
        }

        if (lastQueued.Count >= maxEntries)
        {
            ForgetExpired(now);
        }

        lastQueued[fingerprint] = now;
        return true;
    }

    private void ForgetExpired(DateTimeOffset now)
    {
        foreach (var expired in lastQueued.Where(entry => now - entry.Value >= coolDown).Select(entry => entry.Key).ToList())
        {
            lastQueued.Remove(expired);
        }

        // Everything is still cooling down: forget the oldest so memory stays bounded; it may be queued once more.
        if (lastQueued.Count >= maxEntries)
        {
            lastQueued.Remove(lastQueued.MinBy(entry => entry.Value).Key);
        }
    }
}
