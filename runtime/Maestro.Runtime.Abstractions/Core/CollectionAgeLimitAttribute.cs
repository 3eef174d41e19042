using System.Globalization;

namespace Maestro.Runtime;

/// <summary>Overrides the idle-collection age for one grain class.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    public CollectionAgeLimitAttribute()
    {
    }

    /// <param name="inactivityPeriod">A <see cref="TimeSpan"/> in its invariant text form, e.g. <c>"00:02:00"</c>.</param>
    public CollectionAgeLimitAttribute(string inactivityPeriod) =>
        AgeLimit = TimeSpan.Parse(inactivityPeriod, CultureInfo.InvariantCulture);

    public double Days { get; init; }

    public double Hours { get; init; }

    public double Minutes { get; init; }

    public double Seconds { get; init; }

    public bool AlwaysActive { get; init; }

    private TimeSpan? AgeLimit { get; }

    public TimeSpan Amount => AlwaysActive
        ? Timeout.InfiniteTimeSpan
        : AgeLimit ?? (TimeSpan.FromDays(Days) + TimeSpan.FromHours(Hours) + TimeSpan.FromMinutes(Minutes) + TimeSpan.FromSeconds(Seconds));
}
