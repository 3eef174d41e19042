using Maestro.GrainInterfaces.AutoRepair;

namespace Maestro.GrainInterfaces.Events;

/// <summary>
/// An error a monitor observed (namespace <see cref="MaestroStreams.Errors"/>, key = project id): the original's
/// error_type, error_message and file_path, and since schema version 2 the monitor and its full finding.
/// </summary>
/// <param name="ErrorType">One of the original's types: test_failure, build_error, type_error, lint_error.</param>
/// <param name="ErrorMessage">The tool's message.</param>
/// <param name="FilePath">The file it is in, when known.</param>
/// <param name="Timestamp">When it was found.</param>
/// <param name="SchemaVersion">1: the original's fields only; 2: with <paramref name="Monitor"/> and <paramref name="Finding"/>.</param>
/// <param name="Monitor">The monitor that found it.</param>
/// <param name="Finding">The full finding.</param>
public sealed record ErrorReportedEvent(
    string ErrorType,
    string ErrorMessage,
    string? FilePath,
    DateTimeOffset Timestamp,
    int SchemaVersion = 1,
    string? Monitor = null,
    MonitorFinding? Finding = null)
{
    private static readonly Dictionary<string, FindingKind> KindByType = new(StringComparer.Ordinal)
    {
        ["test_failure"] = FindingKind.TestFailure,
        ["build_error"] = FindingKind.BuildError,
        ["type_error"] = FindingKind.TypeError,
        ["lint_error"] = FindingKind.LintError,
    };

    public static ErrorReportedEvent For(string monitor, MonitorFinding finding, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new(KindByType.First(k => k.Value == finding.Kind).Key, finding.Message, finding.File, timestamp, 2, monitor, finding);
    }

    /// <summary>The finding this event reports: its own, or one made from the original's fields.</summary>
    /// <exception cref="ArgumentException">A version 1 event whose type is not one of the four.</exception>
    public MonitorFinding ToFinding() =>
        Finding ?? (KindByType.TryGetValue(ErrorType, out var kind)
            ? new MonitorFinding(kind, FilePath, null, null, FilePath ?? ErrorType, ErrorMessage)
            : throw new ArgumentException($"Unknown error type '{ErrorType}'; expected one of {string.Join(", ", KindByType.Keys)}."));
}
