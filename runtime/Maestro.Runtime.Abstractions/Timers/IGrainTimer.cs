namespace Maestro.Runtime;

/// <summary>A timer owned by one activation. Disposing it stops further ticks.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Reschedules the timer: the next tick after <paramref name="dueTime"/>, then every <paramref name="period"/>.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
