using Maestro.Runtime;

namespace Maestro.TestGrains;

/// <summary>A grain with a 1 s reminder that persists its ticks, for the reminder failover test.</summary>
public interface ITestReminderGrain : IGrainWithStringKey
{
    Task Start();

    /// <summary>"silo" for every tick so far, in order.</summary>
    Task<List<string>> GetTicks();
}
