using Maestro.GrainInterfaces.AutoRepair;

namespace Maestro.Grains.AutoRepair;

/// <summary>A repair as the project's state keeps it: its public record, and while its fix is applied, the files' originals.</summary>
public sealed class RepairWork
{
    public required RepairRecord Record { get; set; }

    /// <summary>Relative path to the text before the fix (null: the file did not exist); set before the fix is written, cleared when the repair ends.</summary>
    public Dictionary<string, string?>? Originals { get; set; }
}
