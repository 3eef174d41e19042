namespace Maestro.Runtime.Messaging.Wire;

/// <summary>
/// An exception on the wire: enough to recreate it (type, message, public read/write properties) and to show where it
/// came from (the remote stack trace), but never the object graph itself.
/// </summary>
internal sealed record WireError(
    string Type,
    string Message,
    string? StackTrace,
    Dictionary<string, WireValue>? Properties,
    WireError? Inner);
