using Maestro.GrainInterfaces.AutoRepair;

namespace Maestro.Grains.AutoRepair.Monitoring;

/// <summary>What one run of a monitor found.</summary>
/// <param name="Findings">The problems in its report; empty when it passed or when it produced no report.</param>
/// <param name="Error">Why it produced no usable report (timeout, missing or malformed report, command not found); null when it did.</param>
/// <param name="LogPath">Its captured output.</param>
public sealed record MonitorRunOutcome(IReadOnlyList<MonitorFinding> Findings, string? Error, string LogPath);
