namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>One execution of a test: its outcome, how long it took and, when it did not pass, why.</summary>
/// <param name="Outcome">How the attempt ended.</param>
/// <param name="DurationMs">Milliseconds, the sum of every attempt.</param>
/// <param name="Message">The failure or skip message.</param>
/// <param name="StackTrace">The failure's stack trace or details.</param>
/// <param name="FailureType">The exception or failure type the framework reported (e.g. <c>System.InvalidOperationException</c>).</param>
/// <param name="Attachments">Paths of artifacts the framework recorded: screenshots, traces, logs.</param>
public sealed record TestAttempt(
    TestOutcome Outcome,
    double DurationMs,
    string? Message,
    string? StackTrace,
    string? FailureType,
    IReadOnlyList<string> Attachments);
