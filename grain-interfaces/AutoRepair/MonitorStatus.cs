namespace Maestro.GrainInterfaces.AutoRepair;

/// <summary>How a monitor's last run went.</summary>
/// <param name="Name">The monitor.</param>
/// <param name="Runs">Runs since the project was started.</param>
/// <param name="LastRunAt">When the last run ended; null before the first.</param>
/// <param name="LastFindings">What the last run found.</param>
/// <param name="LastError">Why the last run produced no results (timeout, missing report, malformed output); null when it did.</param>
public sealed record MonitorStatus(string Name, long Runs, DateTimeOffset? LastRunAt, int LastFindings, string? LastError);
