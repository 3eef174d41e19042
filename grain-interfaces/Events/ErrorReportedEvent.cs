namespace Maestro.GrainInterfaces.Events;

/// <summary>An error a monitor observed (namespace <see cref="MaestroStreams.Errors"/>, key = project id), the original's error_type, error_message, file_path.</summary>
public sealed record ErrorReportedEvent(string ErrorType, string ErrorMessage, string? FilePath, DateTimeOffset Timestamp, int SchemaVersion = 1);
