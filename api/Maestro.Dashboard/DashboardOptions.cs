namespace Maestro.Dashboard;

/// <summary>The dashboard's settings, section <c>Maestro:Dashboard</c> (e.g. <c>Maestro__Dashboard__StatisticsWindow=00:00:30</c>).</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>How long grain-call statistics stay on after the last dashboard request for them (default 60 s; 1 s to 1 h).</summary>
    public TimeSpan StatisticsWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a sign-in lasts without being renewed by use (default 8 h; 1 min to 7 days).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a session trusts its key before asking the key's grain again, so a revoked key stops working (default 10 s).</summary>
    public TimeSpan KeyRecheckPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Log entries kept for the log tail (default 2000; 100 to 100000).</summary>
    public int LogBufferSize { get; set; } = 2000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range (<c>Dashboard:Name</c>; the host adds its section).</summary>
    public void Validate()
    {
        Check(StatisticsWindow >= TimeSpan.FromSeconds(1) && StatisticsWindow <= TimeSpan.FromHours(1), nameof(StatisticsWindow), "between 00:00:01 and 01:00:00");
        Check(SessionLifetime >= TimeSpan.FromMinutes(1) && SessionLifetime <= TimeSpan.FromDays(7), nameof(SessionLifetime), "between 00:01:00 and 7.00:00:00");
        Check(KeyRecheckPeriod >= TimeSpan.Zero && KeyRecheckPeriod <= TimeSpan.FromMinutes(5), nameof(KeyRecheckPeriod), "between 00:00:00 and 00:05:00");
        Check(LogBufferSize is >= 100 and <= 100_000, nameof(LogBufferSize), "between 100 and 100000");
    }

    private static void Check(bool valid, string name, string range)
    {
        if (!valid)
        {
            throw new ArgumentException($"{SectionName}:{name} must be {range}.");
        }
    }
}
