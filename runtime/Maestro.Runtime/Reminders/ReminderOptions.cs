namespace Maestro.Runtime.Reminders;

/// <summary>Settings of the reminder service, as Orleans' <c>ReminderOptions</c> plus the lease settings of its buckets.</summary>
public sealed class ReminderOptions
{
    /// <summary>Shortest period a reminder may have; registration below it is rejected. Default 1 min, as Orleans. Lower it only in tests.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the owner of a bucket rereads its reminders (picking up ones registered on other silos). Default 1 min.</summary>
    public TimeSpan RefreshReminderListPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Reminders are spread over this many buckets by a hash of the grain id; each bucket is leased by one silo. Default 16.</summary>
    public int ReminderBuckets { get; set; } = 16;

    /// <summary>How long a bucket lease lasts on the database clock; a dead silo's reminders tick elsewhere after it. Default 30 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often bucket leases are renewed and rebalanced. Default 10 s.</summary>
    public TimeSpan LeaseRenewPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws with every problem at once.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (MinimumReminderPeriod <= TimeSpan.Zero)
        {
            problems.Add($"MinimumReminderPeriod must be positive, not {MinimumReminderPeriod}.");
        }

        if (RefreshReminderListPeriod <= TimeSpan.Zero)
        {
            problems.Add($"RefreshReminderListPeriod must be positive, not {RefreshReminderListPeriod}.");
        }

        if (ReminderBuckets is < 1 or > 4096)
        {
            problems.Add($"ReminderBuckets must be 1..4096, not {ReminderBuckets}.");
        }

        if (LeaseDuration <= TimeSpan.Zero || LeaseRenewPeriod <= TimeSpan.Zero || LeaseRenewPeriod >= LeaseDuration)
        {
            problems.Add($"LeaseRenewPeriod ({LeaseRenewPeriod}) must be positive and shorter than LeaseDuration ({LeaseDuration}).");
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(ReminderOptions), typeof(ReminderOptions), problems.Select(p => $"ReminderOptions: {p}"));
        }
    }
}
