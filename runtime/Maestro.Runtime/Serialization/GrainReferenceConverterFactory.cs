using System.Text.Json;
using System.Text.Json.Serialization;

namespace Maestro.Runtime.Serialization;

/// <summary>Writes grain references as their <c>type/key</c> id and reads them back as live references.</summary>
internal sealed class GrainReferenceConverterFactory : JsonConverterFactory
{
    private readonly Lazy<IGrainFactory> grainFactory;

    public GrainReferenceConverterFactory(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        grainFactory = new Lazy<IGrainFactory>(services.GetRequiredService<IGrainFactory>);
    }

    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsInterface && typeof(IAddressable).IsAssignableFrom(typeToConvert) && typeToConvert != typeof(IAddressable);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), grainFactory)!;

    private sealed class Converter<T>(Lazy<IGrainFactory> factory) : JsonConverter<T>
        where T : class, IAddressable
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            var id = GrainId.Parse(reader.GetString() ?? throw new JsonException("A grain reference must be a string 'type/key'."));
            return factory.Value.GetGrain<T>(id);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.GetGrainId().ToString());
    }
}
