namespace Maestro.GrainInterfaces.Events;

/// <summary>The values of <see cref="ResultEvent.Type"/>, kept from the original's results stream.</summary>
public static class ResultEventTypes
{
    public const string StatusUpdate = "status_update";

    public const string RepairResult = "repair_result";
}
