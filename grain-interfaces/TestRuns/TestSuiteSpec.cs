namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>A suite to run: which adapter runs it and what that adapter needs.</summary>
/// <param name="Name">The suite's name; analytics group runs by it.</param>
/// <param name="Adapter">The adapter that runs it: <c>playwright</c> or <c>selenium</c> (browser journeys),
/// <c>dotnet-test</c>, <c>junit-command</c> or <c>playwright-json-command</c> (commands that write result files).</param>
/// <param name="Definition">Browser adapters: the journeys, as YAML text. Command adapters: null.</param>
/// <param name="Command">Command adapters: the program and its arguments, one list item each; never run through a shell.</param>
/// <param name="WorkingDirectory">Command adapters: where the command runs; it must lie under the configured root.</param>
/// <param name="ResultFile">junit-command and playwright-json-command: the result file the command writes, relative to the working directory.</param>
/// <param name="BaseUrl">Browser adapters: the URL relative navigations resolve against.</param>
/// <param name="Environment">Variables for commands, and the values of <c>${env.NAME}</c> in journeys.</param>
/// <param name="TimeoutSeconds">The most one shard's run may take; null takes the configured default.</param>
public sealed record TestSuiteSpec(
    string Name,
    string Adapter,
    string? Definition,
    IReadOnlyList<string>? Command,
    string? WorkingDirectory,
    string? ResultFile,
    string? BaseUrl,
    IReadOnlyDictionary<string, string>? Environment,
    int? TimeoutSeconds);
