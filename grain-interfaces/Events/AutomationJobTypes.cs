namespace Maestro.GrainInterfaces.Events;

/// <summary>The values of <see cref="AutomationJobEvent.Type"/>, as the original's <c>type</c> field.</summary>
public static class AutomationJobTypes
{
    public const string StartMonitoring = "start_monitoring";

    public const string StopMonitoring = "stop_monitoring";

    public const string HealTestFailure = "heal_test_failure";
}
