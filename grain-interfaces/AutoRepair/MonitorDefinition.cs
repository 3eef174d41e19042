namespace Maestro.GrainInterfaces.AutoRepair;

/// <summary>One check a watched project runs on an interval.</summary>
/// <param name="Name">Unique within the project, e.g. <c>tests</c>, <c>build</c>, <c>lint</c>.</param>
/// <param name="Kind">What its findings are.</param>
/// <param name="Command">The program and its arguments, one item each, run in the project folder; never through a shell.
/// Journeys monitors: the journey adapter, <c>["playwright"]</c> or <c>["selenium"]</c>.</param>
/// <param name="Output">How its findings are read.</param>
/// <param name="ResultFile">The report file the command writes, relative to the project; required unless <paramref name="Output"/> is
/// Diagnostics. Journeys monitors: the journeys file.</param>
/// <param name="IntervalSeconds">Seconds between the end of one run and the start of the next.</param>
/// <param name="TimeoutSeconds">After this the command's whole process tree is killed and the round reports a timeout.</param>
/// <param name="RerunCommand">The command that re-runs one failed test when a repair is validated, with the argument
/// <c>{test}</c> standing for the test's id (e.g. <c>dotnet test --filter FullyQualifiedName={test}</c>); null re-runs
/// the whole monitor. Journeys monitors have none: they re-run the failed journey by name.</param>
/// <param name="BaseUrl">Journeys monitors: the absolute http(s) URL the journeys' relative navigations resolve against.</param>
public sealed record MonitorDefinition(
    string Name,
    FindingKind Kind,
    IReadOnlyList<string> Command,
    MonitorOutput Output,
    string? ResultFile,
    int IntervalSeconds,
    int TimeoutSeconds,
    IReadOnlyList<string>? RerunCommand = null,
    string? BaseUrl = null);
