namespace Maestro.Grains.Workflows;

/// <summary>Settings of the workflow engine in a silo.</summary>
public sealed class WorkflowOptions
{
    /// <summary>
    /// How often each silo asks the workflow index for running instances and activates them, so a workflow whose silo
    /// died continues on a survivor (or on the restarted silo). Default 10 s; also done once right after start.
    /// </summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (RecoveryInterval < TimeSpan.FromMilliseconds(100) || RecoveryInterval > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(RecoveryInterval), RecoveryInterval, "WorkflowOptions.RecoveryInterval must be from 100 ms to 1 h.");
        }
    }
}
