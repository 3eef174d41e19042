namespace Maestro.Grains.TestRuns.Execution;

/// <summary>A command to run: the program and its arguments (never parsed by a shell), where, with what, for how long, and where its log goes.</summary>
/// <param name="Command">The program first, then one item per argument.</param>
/// <param name="WorkingDirectory">Where it runs; it must resolve to a folder under the workspace root.</param>
/// <param name="Environment">Variables added to (or replacing) the silo's own.</param>
/// <param name="Timeout">After this the whole process tree is killed.</param>
/// <param name="LogPath">The file stdout and stderr are written to, interleaved as they arrive, up to the configured cap.</param>
public sealed record ProcessRunRequest(
    IReadOnlyList<string> Command,
    string? WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan Timeout,
    string LogPath);
