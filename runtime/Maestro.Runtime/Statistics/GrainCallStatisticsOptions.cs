namespace Maestro.Runtime.Statistics;

/// <summary>
/// When the silo counts grain calls for the dashboard. Counting is off until something asks for the figures
/// (<see cref="GrainCallStatistics.KeepCollecting"/>) and stays on for <see cref="CollectionWindow"/> after the last
/// ask, as the Orleans dashboard learned to do: a silo nobody looks at pays one clock read per call.
/// </summary>
public sealed class GrainCallStatisticsOptions
{
    /// <summary>How long counting stays on after the last request for statistics (default 60 s; 1 s to 1 h).</summary>
    public TimeSpan CollectionWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        if (CollectionWindow < TimeSpan.FromSeconds(1) || CollectionWindow > TimeSpan.FromHours(1))
        {
            throw new OptionsValidationException(nameof(CollectionWindow), typeof(GrainCallStatisticsOptions),
                [$"{nameof(CollectionWindow)} must be between 1 second and 1 hour, not {CollectionWindow}."]);
        }
    }
}
