using System.Text.Json;
using System.Text.Json.Serialization;

namespace Maestro.Runtime.Serialization;

/// <summary>JSON serialization of grain state and call data, with grain references written as their ids.</summary>
public sealed class GrainSerializer
{
    internal GrainSerializer(IOptions<GrainSerializerOptions> options, GrainReferenceConverterFactory grainReferenceConverter)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            IncludeFields = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        Options.Converters.Add(new JsonStringEnumConverter());
        Options.Converters.Add(grainReferenceConverter);
        foreach (var configure in options.Value.Configure)
        {
            configure(Options);
        }

        Options.MakeReadOnly(populateMissingResolver: true);
    }

    public JsonSerializerOptions Options { get; }

    public byte[] Serialize(object? value, Type type) => JsonSerializer.SerializeToUtf8Bytes(value, type, Options);

    public object? Deserialize(ReadOnlySpan<byte> utf8Json, Type type) => JsonSerializer.Deserialize(utf8Json, type, Options);

    public T? Deserialize<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<T>(utf8Json, Options);
}
