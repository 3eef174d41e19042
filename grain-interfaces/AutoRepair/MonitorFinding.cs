namespace Maestro.GrainInterfaces.AutoRepair;

/// <summary>One problem a monitor found in a tool's machine-readable output.</summary>
/// <param name="Kind">The sort of check that found it.</param>
/// <param name="File">The file it is in, as the tool named it; null when the tool gave none.</param>
/// <param name="Line">1-based line, when the tool gave one.</param>
/// <param name="Column">1-based column, when the tool gave one.</param>
/// <param name="Code">What failed: the test id, the compiler's diagnostic code (<c>CS1002</c>, <c>TS2322</c>) or the lint rule.</param>
/// <param name="Message">The tool's message, cut to a bounded length.</param>
public sealed record MonitorFinding(FindingKind Kind, string? File, int? Line, int? Column, string Code, string Message);
