using System.Text.Json;

namespace Maestro.Runtime.Messaging.Wire;

/// <summary>
/// One value on the wire: its JSON, and its runtime type's name only when that differs from the declared type (a
/// subclass), so the receiver can check the type against the declaration before it creates anything.
/// </summary>
internal sealed record WireValue(string? Type, JsonElement Value);
