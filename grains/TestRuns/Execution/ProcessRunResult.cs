namespace Maestro.Grains.TestRuns.Execution;

/// <summary>How a command ended.</summary>
/// <param name="ExitCode">The exit code; null when it was killed for its timeout.</param>
/// <param name="TimedOut">It ran past its timeout and its process tree was killed.</param>
/// <param name="Duration">From start to exit (or kill).</param>
/// <param name="WorkingDirectory">The resolved folder it ran in.</param>
/// <param name="LogPath">Its output, capped.</param>
/// <param name="OutputBytes">Bytes it wrote to stdout and stderr together.</param>
/// <param name="DroppedBytes">Bytes beyond the cap, counted and not kept.</param>
/// <param name="OutputTail">The last few kilobytes kept, for messages.</param>
public sealed record ProcessRunResult(
    int? ExitCode,
    bool TimedOut,
    TimeSpan Duration,
    string WorkingDirectory,
    string LogPath,
    long OutputBytes,
    long DroppedBytes,
    string OutputTail);
