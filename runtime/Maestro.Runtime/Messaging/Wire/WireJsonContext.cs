using System.Text.Json;
using System.Text.Json.Serialization;

namespace Maestro.Runtime.Messaging.Wire;

/// <summary>
/// The envelope's JSON contract, generated at compile time: no reflection per call, and options that application
/// serializer settings can never change. Values inside the envelope are JsonElements written by the grain serializer.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.General, MaxDepth = 64)]
[JsonSerializable(typeof(WireRequest))]
[JsonSerializable(typeof(WireResponse))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
