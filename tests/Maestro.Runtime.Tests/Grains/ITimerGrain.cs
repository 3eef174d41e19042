namespace Maestro.Runtime.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    /// <summary>Starts a timer whose every tick takes longer than its period.</summary>
    Task StartSlowTimer(TimeSpan period, bool interleave, bool keepAlive);

    Task StopTimer();

    /// <summary>Blocks on a probe signal; ticks that run meanwhile record "tick-during-request".</summary>
    Task HoldTurn(string signal);

    Task<Guid> GetActivationId();

    Task Deactivate();

    Task StartFailingTimer(TimeSpan period);
}
