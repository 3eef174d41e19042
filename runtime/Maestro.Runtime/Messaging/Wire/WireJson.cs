using System.Text.Json;

namespace Maestro.Runtime.Messaging.Wire;

/// <summary>Envelope JSON: fixed options of its own, so application serializer settings can never change the framing.</summary>
internal static class WireJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General) { MaxDepth = 64 };

    public static byte[] Serialize(WireRequest request, int maxSize) => Check(JsonSerializer.SerializeToUtf8Bytes(request, Options), maxSize, "request");

    public static byte[] Serialize(WireResponse response, int maxSize) => Check(JsonSerializer.SerializeToUtf8Bytes(response, Options), maxSize, "response");

    public static WireRequest DeserializeRequest(ReadOnlySpan<byte> utf8Json, int maxSize)
    {
        var request = Deserialize<WireRequest>(utf8Json, maxSize, "request");
        if (request.Target is null || request.Interface is null || request.Method is null || request.ParameterTypes is null || request.Arguments is null)
        {
            throw new WireFormatException("The request lacks a target, interface, method, parameter types or arguments.");
        }

        return request;
    }

    public static WireResponse DeserializeResponse(ReadOnlySpan<byte> utf8Json, int maxSize) => Deserialize<WireResponse>(utf8Json, maxSize, "response");

    private static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, int maxSize, string what)
        where T : class
    {
        if (utf8Json.Length > maxSize)
        {
            throw TooLarge(what, utf8Json.Length, maxSize);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(utf8Json, Options) ?? throw new WireFormatException($"The {what} is JSON null.");
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
