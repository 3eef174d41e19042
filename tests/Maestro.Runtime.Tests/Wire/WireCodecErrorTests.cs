using System.Text;
using System.Text.Json;
using Maestro.Runtime.Messaging.Wire;
using Maestro.Runtime.Tests.Grains;

namespace Maestro.Runtime.Tests.Wire;

/// <summary>Exceptions cross the wire as faithfully as they safely can, and bad messages fail with the reason.</summary>
public sealed class WireCodecErrorTests(WireFixture fixture) : IClassFixture<WireFixture>
{
    private WireCodec Codec => fixture.Codec;

    [Fact]
    public void An_exception_comes_back_as_its_own_type_with_its_properties_and_the_remote_stack_trace()
    {
        var thrown = Thrown(new OrderRejectedException("no stock") { OrderId = "o-17" });

        var restored = Assert.IsType<OrderRejectedException>(RoundTrip(thrown));

        Assert.Equal("no stock", restored.Message);
        Assert.Equal("o-17", restored.OrderId);
        Assert.Contains(thrown.StackTrace!, restored.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void Inner_exceptions_come_back_too()
    {
        var thrown = Thrown(new InvalidOperationException("outer", new ArgumentNullException("key", "inner")));

        var restored = Assert.IsType<InvalidOperationException>(RoundTrip(thrown));

        Assert.Equal("outer", restored.Message);
        var inner = Assert.IsType<ArgumentNullException>(restored.InnerException);
        Assert.StartsWith("inner", inner.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_type_that_is_not_loaded_here_becomes_a_RemoteGrainException()
    {
        var restored = Codec.ToException(new WireError("Other.Silo.OnlyException, Other.Silo", "far away", "   at Other.Silo.Grain.Run()", null, null));

        var remote = Assert.IsType<RemoteGrainException>(restored);
        Assert.IsAssignableFrom<OrleansException>(remote);
        Assert.Equal("Other.Silo.OnlyException, Other.Silo", remote.OriginalTypeName);
        Assert.Equal("far away", remote.Message);
        Assert.Contains("Other.Silo.Grain.Run", remote.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_type_without_a_message_constructor_becomes_a_RemoteGrainException()
    {
        var thrown = Thrown(new CodeOnlyException(7));

        var remote = Assert.IsType<RemoteGrainException>(RoundTrip(thrown));

        Assert.Contains(typeof(CodeOnlyException).FullName!, remote.OriginalTypeName, StringComparison.Ordinal);
        Assert.Equal("code 7", remote.Message);
    }

    [Fact]
    public void A_type_name_that_is_not_an_exception_becomes_a_RemoteGrainException()
    {
        var remote = Assert.IsType<RemoteGrainException>(Codec.ToException(new WireError(typeof(Uri).AssemblyQualifiedName!, "not one", null, null, null)));

        Assert.Equal(typeof(Uri).AssemblyQualifiedName, remote.OriginalTypeName);
        Assert.Equal("not one", remote.Message);
    }

    [Fact]
    public void A_property_value_that_does_not_fit_makes_a_RemoteGrainException_that_says_why()
    {
        var error = new WireError(
            typeof(OrderRejectedException).AssemblyQualifiedName!,
            "bad property",
            null,
            new Dictionary<string, WireValue> { [nameof(OrderRejectedException.OrderId)] = new(null, JsonSerializer.SerializeToElement(new { Nested = true })) },
            null);

        var remote = Assert.IsType<RemoteGrainException>(Codec.ToException(error));

        Assert.Equal("bad property", remote.Message);
        var reason = Assert.IsType<WireFormatException>(remote.InnerException);
        Assert.Contains(nameof(OrderRejectedException.OrderId), reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_response_fails_the_waiting_call_with_the_recreated_exception()
    {
        var call = WireFixture.Call(nameof(IWireProbeGrain.Add), [1, 2]);
        var thrown = Thrown(new OrderRejectedException("late") { OrderId = "o-1" });

        Codec.Complete(call.Response!, Codec.DecodeResponse(Codec.Encode(Codec.ToResponse(call.Id, thrown))), call.Method);

        var failure = await Assert.ThrowsAsync<OrderRejectedException>(() => (Task<int>)call.Response!.Completion);
        Assert.Equal("o-1", failure.OrderId);
        Assert.Throws<OrderRejectedException>(() => Codec.ReadResult(Codec.ToResponse(call.Id, thrown), call.Method));
    }

    [Fact]
    public void Unknown_interfaces_methods_and_overloads_are_refused_with_the_name()
    {
        var request = Codec.ToRequest(WireFixture.Call(nameof(IWireProbeGrain.Add), [1, 2]));

        Assert.Contains("'no-such-interface'", Refused(request with { Interface = "no-such-interface" }), StringComparison.Ordinal);
        Assert.Contains("Subtract(System.Int32,System.Int32)", Refused(request with { Method = "Subtract" }), StringComparison.Ordinal);
        Assert.Contains("Add(System.Int64,System.Int32)", Refused(request with { ParameterTypes = ["System.Int64", "System.Int32"] }), StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_argument_counts_and_types_are_refused()
    {
        var request = Codec.ToRequest(WireFixture.Call(nameof(IWireProbeGrain.Add), [1, 2]));

        Assert.Contains("takes 2 arguments; the request has 1", Refused(request with { Arguments = [request.Arguments[0]] }), StringComparison.Ordinal);
        var wrongType = Refused(request with { Arguments = [request.Arguments[0], new WireValue(null, JsonSerializer.SerializeToElement("two"))] });
        Assert.Contains("Argument 1 (b)", wrongType, StringComparison.Ordinal);
        Assert.Contains("System.Int32", wrongType, StringComparison.Ordinal);
        Assert.Contains("is missing", Refused(request with { Arguments = [request.Arguments[0], null!] }), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_targets_timeouts_and_one_way_flags_are_refused()
    {
        var request = Codec.ToRequest(WireFixture.Call(nameof(IWireProbeGrain.Add), [1, 2]));

        Assert.Contains("not a grain id", Refused(request with { Target = "no-slash" }), StringComparison.Ordinal);
        Assert.Contains("not a grain id", Refused(request with { Source = "/x" }), StringComparison.Ordinal);
        Assert.Contains("No grain class with grain type 'nobody'", Refused(request with { Target = "nobody/x" }), StringComparison.Ordinal);
        Assert.Contains("does not implement wire-probe", Refused(request with { Target = "counter/x" }), StringComparison.Ordinal);
        Assert.Contains("must be positive", Refused(request with { Timeout = TimeSpan.Zero }), StringComparison.Ordinal);
        Assert.Contains("one-way", Refused(request with { OneWay = true }), StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_and_oversized_messages_are_refused_before_anything_is_read()
    {
        var small = fixture.CreateCodec(1024);
        var big = Codec.ToRequest(WireFixture.Call(nameof(IWireProbeGrain.Notify), [new string('x', 4096)]));

        Assert.Contains("more than the limit of 1024 bytes", Assert.Throws<WireFormatException>(() => small.Encode(big)).Message, StringComparison.Ordinal);
        Assert.Contains("more than the limit of 1024 bytes", Assert.Throws<WireFormatException>(() => small.DecodeRequest(Codec.Encode(big))).Message, StringComparison.Ordinal);
        Assert.Contains("not valid message JSON", Assert.Throws<WireFormatException>(() => Codec.DecodeRequest("{\"Id\":"u8)).Message, StringComparison.Ordinal);
        Assert.Contains("JSON null", Assert.Throws<WireFormatException>(() => Codec.DecodeRequest("null"u8)).Message, StringComparison.Ordinal);
        Assert.Contains("lacks a target", Assert.Throws<WireFormatException>(() => Codec.DecodeRequest(Encoding.UTF8.GetBytes("{\"Id\":1}"))).Message, StringComparison.Ordinal);
        Assert.Contains("not valid message JSON", Assert.Throws<WireFormatException>(() => Codec.DecodeResponse("[1,2]"u8)).Message, StringComparison.Ordinal);
    }

    /// <summary>Throws the exception so it has a stack trace, as a grain's would.</summary>
    private static T Thrown<T>(T exception)
        where T : Exception => Assert.Throws<T>(new Action(() => throw exception));

    private string Refused(WireRequest request) =>
        Assert.Throws<WireFormatException>(() => Codec.ToMessage(Codec.DecodeRequest(Codec.Encode(request)), CancellationToken.None)).Message;

    private Exception RoundTrip(Exception exception) =>
        Codec.ToException(Codec.DecodeResponse(Codec.Encode(Codec.ToResponse(1, exception))).Exception!);
}
