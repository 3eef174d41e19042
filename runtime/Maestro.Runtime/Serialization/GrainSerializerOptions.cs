using System.Text.Json;

namespace Maestro.Runtime.Serialization;

/// <summary>
/// The System.Text.Json settings used for grain state, call copies and (in a cluster) messages. Members are written
/// by name, so adding a property to a contract record is a compatible change and removing one drops it silently.
/// </summary>
public sealed class GrainSerializerOptions
{
    /// <summary>Changes applied to the serializer's options at start-up (add converters, naming policies...).</summary>
    public List<Action<JsonSerializerOptions>> Configure { get; } = [];
}
