using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Maestro.Runtime.Messaging.Wire;

/// <summary>Envelope JSON with size limits (the contract is <see cref="WireJsonContext"/>).</summary>
internal static class WireJson
{
    public static byte[] Serialize(WireRequest request, int maxSize) =>
        Check(JsonSerializer.SerializeToUtf8Bytes(request, WireJsonContext.Default.WireRequest), maxSize, "request");

    public static byte[] Serialize(WireResponse response, int maxSize) =>
        Check(JsonSerializer.SerializeToUtf8Bytes(response, WireJsonContext.Default.WireResponse), maxSize, "response");

    public static WireRequest DeserializeRequest(ReadOnlySpan<byte> utf8Json, int maxSize)
    {
        var request = Deserialize(utf8Json, maxSize, "request", WireJsonContext.Default.WireRequest);
        if (request.Target is null || request.Interface is null || request.Method is null || request.ParameterTypes is null || request.Arguments is null)
        {
            throw new WireFormatException("The request lacks a target, interface, method, parameter types or arguments.");
        }

        return request;
    }

    public static WireResponse DeserializeResponse(ReadOnlySpan<byte> utf8Json, int maxSize) =>
        Deserialize(utf8Json, maxSize, "response", WireJsonContext.Default.WireResponse);

    private static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, int maxSize, string what, JsonTypeInfo<T> contract)
        where T : class
    {
        if (utf8Json.Length > maxSize)
        {
            throw TooLarge(what, utf8Json.Length, maxSize);
        }

        try
        {
            return JsonSerializer.Deserialize(utf8Json, contract) ?? throw new WireFormatException($"The {what} is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new WireFormatException($"The {what} is not valid message JSON: {ex.Message}", ex);
        }
    }

    private static byte[] Check(byte[] bytes, int maxSize, string what) => bytes.Length <= maxSize ? bytes : throw TooLarge(what, bytes.Length, maxSize);

    public static WireFormatException TooLarge(string what, long size, int maxSize) =>
        new($"The {what} is {size} bytes, more than the limit of {maxSize} bytes (TransportOptions.MaxMessageSize).");
}
