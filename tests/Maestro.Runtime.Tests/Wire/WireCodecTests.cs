using System.Text.Json;
using Maestro.Runtime.Messaging;
using Maestro.Runtime.Messaging.Wire;

namespace Maestro.Runtime.Tests.Wire;

/// <summary>Values survive the trip through request and response envelopes, as the bytes another silo would receive.</summary>
public sealed class WireCodecTests(WireFixture fixture) : IClassFixture<WireFixture>
{
    private WireCodec Codec => fixture.Codec;

    [Fact]
    public void Primitives_travel_and_the_request_names_the_aliased_interface_and_the_overload()
    {
        var sent = WireFixture.Call(nameof(IWireProbeGrain.Add), [2, 40]);

        var request = Codec.ToRequest(sent);
        var received = RoundTrip(sent);

        Assert.Equal("wire-probe", request.Interface);
        Assert.Equal(["System.Int32", "System.Int32"], request.ParameterTypes);
        Assert.False(request.OneWay);
        Assert.Equal(sent.Target, received.Target);
        Assert.Equal(sent.Source, received.Source);
        Assert.Equal(sent.Method.Method, received.Method.Method);
        Assert.Equal([2, 40], received.Arguments);
        Assert.Equal(TimeSpan.FromSeconds(30), received.Timeout);
        Assert.NotNull(received.Response);
    }

    [Fact]
    public void Overloads_resolve_to_the_method_the_caller_chose()
    {
        var byInt = RoundTrip(WireFixture.Call(nameof(IWireProbeGrain.Describe), [7], parameterTypes: [typeof(int)]));
        var byString = RoundTrip(WireFixture.Call(nameof(IWireProbeGrain.Describe), ["seven"], parameterTypes: [typeof(string)]));

        Assert.Equal(typeof(int), byInt.Method.Method.GetParameters()[0].ParameterType);
        Assert.Equal(7, byInt.Arguments[0]);
        Assert.Equal(typeof(string), byString.Method.Method.GetParameters()[0].ParameterType);
        Assert.Equal("seven", byString.Arguments[0]);
    }

    [Fact]
    public void Records_nested_lists_and_nullables_travel_intact()
    {
        var contract = new WireContract("root", 3, ["a", "b"], new() { ["x"] = 1.5 }, new WireContract("child", 0, [], [], null));
        List<List<int?>> nested = [[1, null, 3], [], [null]];
        var when = new DateTime(2026, 11, 21, 13, 0, 0, DateTimeKind.Utc);

        var record = RoundTrip(WireFixture.Call(nameof(IWireProbeGrain.EchoContract), [contract])).Arguments[0];
        var lists = RoundTrip(WireFixture.Call(nameof(IWireProbeGrain.EchoNested), [nested])).Arguments[0];
        var nullables = RoundTrip(WireFixture.Call(nameof(IWireProbeGrain.EchoNullable), [null, when])).Arguments;
        var present = RoundTrip(WireFixture.Call(nameof(IWireProbeGrain.EchoNullable), [5, null])).Arguments;

        var copy = Assert.IsType<WireContract>(record);
        Assert.Equal(contract.Name, copy.Name);
        Assert.Equal(contract.Tags, copy.Tags);
        Assert.Equal(contract.Scores, copy.Scores);
        Assert.Equal("child", copy.Child!.Name);
        Assert.Null(copy.Child.Child);
        Assert.Equal(nested, Assert.IsType<List<List<int?>>>(lists));
        Assert.Equal([null, when], nullables);
        Assert.Equal([5, null], present);
        Assert.Equal(contract.Count, Assert.IsType<WireContract>(ResultRoundTrip(nameof(IWireProbeGrain.EchoContract), contract)).Count);
        Assert.Null(ResultRoundTrip(nameof(IWireProbeGrain.EchoNullable), null));
    }

    [Fact]
    public void Grain_references_travel_as_their_id_and_come_back_as_references()
    {
        var reference = fixture.Grains.GetGrain<IWireProbeGrain>("other");

        var request = Codec.ToRequest(WireFixture.Call(nameof(IWireProbeGrain.EchoReference), [reference]));
        var received = Codec.ToMessage(Codec.DecodeRequest(Codec.Encode(request)), CancellationToken.None);

        Assert.Null(request.Arguments[0].Type);
        Assert.Equal("wireprobe/other", request.Arguments[0].Value.GetString());
        var copy = Assert.IsAssignableFrom<IWireProbeGrain>(received.Arguments[0]);
        Assert.Equal(reference.GetGrainId(), copy.GetGrainId());
        Assert.Equal(reference.GetGrainId(), Assert.IsAssignableFrom<IWireProbeGrain>(ResultRoundTrip(nameof(IWireProbeGrain.EchoReference), reference)).GetGrainId());
    }

    [Fact]
    public void A_subclass_of_the_declared_type_travels_with_its_type_name_and_comes_back_as_itself()
    {
        var request = Codec.ToRequest(WireFixture.Call(nameof(IWireProbeGrain.EchoShape), [new Circle("c", 2.5)]));
        var received = Codec.ToMessage(Codec.DecodeRequest(Codec.Encode(request)), CancellationToken.None);

        Assert.Contains(typeof(Circle).FullName!, request.Arguments[0].Type, StringComparison.Ordinal);
        Assert.Equal(new Circle("c", 2.5), received.Arguments[0]);
        Assert.Equal(new Circle("r", 1), ResultRoundTrip(nameof(IWireProbeGrain.EchoShape), new Circle("r", 1)));
        Assert.Equal(new Shape("plain"), RoundTrip(WireFixture.Call(nameof(IWireProbeGrain.EchoShape), [new Shape("plain")])).Arguments[0]);
    }

    [Fact]
    public void Values_declared_as_object_keep_their_data_type()
    {
        Assert.Equal(42, RoundTrip(WireFixture.Call(nameof(IWireProbeGrain.EchoObject), [42])).Arguments[0]);
        Assert.Equal(new List<string> { "a", "b" }, RoundTrip(WireFixture.Call(nameof(IWireProbeGrain.EchoObject), [new List<string> { "a", "b" }])).Arguments[0]);
        Assert.Equal(new Circle("o", 3), RoundTrip(WireFixture.Call(nameof(IWireProbeGrain.EchoObject), [new Circle("o", 3)])).Arguments[0]);
        Assert.Null(RoundTrip(WireFixture.Call(nameof(IWireProbeGrain.EchoObject), [null])).Arguments[0]);
    }

    [Fact]
    public void A_type_name_that_is_not_the_declared_type_is_refused()
    {
        var request = Codec.ToRequest(WireFixture.Call(nameof(IWireProbeGrain.EchoShape), [new Circle("c", 1)]));
        var forged = request with { Arguments = [new WireValue(typeof(Uri).AssemblyQualifiedName, Json("\"http://example.org\""))] };

        var error = Assert.Throws<WireFormatException>(() => Codec.ToMessage(forged, CancellationToken.None));
        Assert.Contains("is not a " + typeof(Shape).FullName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_parameter_does_not_let_the_wire_create_arbitrary_framework_types()
    {
        var request = Codec.ToRequest(WireFixture.Call(nameof(IWireProbeGrain.EchoObject), [1]));
        var fileInfo = request with { Arguments = [new WireValue(typeof(FileInfo).AssemblyQualifiedName, Json("{}"))] };
        var unknown = request with { Arguments = [new WireValue("Evil.Payload, Evil.Assembly", Json("{}"))] };

        var refused = Assert.Throws<WireFormatException>(() => Codec.ToMessage(fileInfo, CancellationToken.None));
        var missing = Assert.Throws<WireFormatException>(() => Codec.ToMessage(unknown, CancellationToken.None));

        Assert.Contains("does not accept", refused.Message, StringComparison.Ordinal);
        Assert.Contains("not loaded", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_context_entries_and_the_reentrancy_id_travel_with_their_types()
    {
        var chain = Guid.NewGuid();
        var id = Guid.NewGuid();
        var context = new RequestContextData(new Dictionary<string, object?> { ["tenant"] = "acme", ["attempt"] = 3, ["id"] = id, ["none"] = null }, chain);

        var received = RoundTrip(WireFixture.Call(nameof(IWireProbeGrain.Add), [1, 2], context)).Context!;

        Assert.Equal(chain, received.ReentrancyId);
        Assert.Equal("acme", received.Values["tenant"]);
        Assert.Equal(3, received.Values["attempt"]);
        Assert.Equal(id, received.Values["id"]);
        Assert.Null(received.Values["none"]);
        Assert.Null(RoundTrip(WireFixture.Call(nameof(IWireProbeGrain.Add), [1, 2])).Context);
    }

    [Fact]
    public void A_cancellation_token_parameter_receives_the_token_of_the_receiving_side()
    {
        using var source = new CancellationTokenSource();
        var request = Codec.ToRequest(WireFixture.Call(nameof(IWireProbeGrain.Wait), [new CancellationToken(canceled: false)]));

        var received = Codec.ToMessage(Codec.DecodeRequest(Codec.Encode(request)), source.Token);

        Assert.Equal(JsonValueKind.Null, request.Arguments[0].Value.ValueKind);
        Assert.Equal(source.Token, received.Arguments[0]);
        Assert.Equal(source.Token, received.CancellationToken);
    }

    [Fact]
    public void One_way_calls_are_flagged_and_expect_no_response()
    {
        var request = Codec.ToRequest(WireFixture.Call(nameof(IWireProbeGrain.Notify), ["hi"]));
        var received = Codec.ToMessage(Codec.DecodeRequest(Codec.Encode(request)), CancellationToken.None);

        Assert.True(request.OneWay);
        Assert.Null(received.Response);
        Assert.Equal("hi", received.Arguments[0]);
    }

    [Fact]
    public async Task A_response_completes_the_waiting_call_with_its_result()
    {
        var call = WireFixture.Call(nameof(IWireProbeGrain.Add), [1, 2]);
        var response = Codec.DecodeResponse(Codec.Encode(Codec.ToResponse(call.Id, call.Method, 3)));

        Codec.Complete(call.Response!, response, call.Method);

        Assert.Equal(call.Id, response.Id);
        Assert.Equal(3, await (Task<int>)call.Response!.Completion);
    }

    private Message RoundTrip(Message message) =>
        Codec.ToMessage(Codec.DecodeRequest(Codec.Encode(Codec.ToRequest(message))), CancellationToken.None);

    [Fact]
    public void Values_of_compiler_generated_types_travel_as_their_declared_interface()
    {
        IReadOnlyList<int> fromExpression = [1, 2, 3];
        var sequence = Enumerable.Range(1, 3).Select(i => $"#{i}");

        var argument = RoundTrip(WireFixture.Call(nameof(IWireProbeGrain.Doubled), [fromExpression])).Arguments[0];
        var result = ResultRoundTrip(nameof(IWireProbeGrain.Labels), sequence);

        Assert.Equal([1, 2, 3], Assert.IsAssignableFrom<IReadOnlyList<int>>(argument));
        Assert.Equal(["#1", "#2", "#3"], Assert.IsAssignableFrom<IEnumerable<string>>(result));
    }

    [Fact]
    public async Task A_grain_may_take_and_return_collection_expressions_and_linq_results_in_one_silo()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var grain = cluster.Client.GetGrain<IWireProbeGrain>("collections");
        IReadOnlyList<int> values = [1, 2, 3];

        Assert.Equal([2, 4, 6], await grain.Doubled(values));
        Assert.Equal(["#1", "#2"], await grain.Labels(values.Take(2)));
    }

    private object? ResultRoundTrip(string method, object? result)
    {
        var descriptor = WireFixture.Call(method, new object?[typeof(IWireProbeGrain).GetMethod(method)!.GetParameters().Length]).Method;
        return Codec.ReadResult(Codec.DecodeResponse(Codec.Encode(Codec.ToResponse(1, descriptor, result))), descriptor);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
