using System.Net;
using Maestro.Runtime.Messaging.Wire;
using Maestro.Runtime.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Maestro.Runtime.Tests.Wire;

/// <summary>Real Kestrel servers on loopback ports the OS picks, called over HTTP/2 cleartext.</summary>
public sealed class TransportTests(WireFixture fixture) : IClassFixture<WireFixture>
{
    private const string Secret = "test-cluster-secret-0123456789";

    // Guards waits on the other side, so a broken transport fails the test instead of hanging the run; never a measurement.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private WireCodec Codec => fixture.Codec;

    [Fact]
    public async Task Two_silos_answer_calls_through_the_codec()
    {
        await using var first = await StartAsync(AddingHandler(0));
        await using var second = await StartAsync(AddingHandler(1000));
        using var client = Client();

        var call = WireFixture.Call(nameof(IWireProbeGrain.Add), [2, 3]);
        var fromFirst = await client.SendAsync(first.Address, Codec.ToRequest(call), TestContext.Current.CancellationToken);
        var fromSecond = await client.SendAsync(second.Address, Codec.ToRequest(call), TestContext.Current.CancellationToken);

        Assert.Equal(call.Id, fromFirst!.Id);
        Assert.Equal(5, Codec.ReadResult(fromFirst, call.Method));
        Assert.Equal(1005, Codec.ReadResult(fromSecond!, call.Method));
        Assert.NotEqual(first.Address, second.Address);
        Assert.Equal("127.0.0.1", first.Address.Host);
    }

    [Fact]
    public async Task A_grain_exception_comes_back_to_the_caller()
    {
        var handler = new DelegateWireHandler((request, _) =>
            Task.FromResult(Codec.ToResponse(request.Id, new ArgumentOutOfRangeException("b", "too big"))));
        await using var server = await StartAsync(handler);
        using var client = Client();

        var call = WireFixture.Call(nameof(IWireProbeGrain.Add), [2, 3]);
        var response = await client.SendAsync(server.Address, Codec.ToRequest(call), TestContext.Current.CancellationToken);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Codec.ReadResult(response!, call.Method));
        Assert.StartsWith("too big", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_the_secret_or_with_a_wrong_one_is_refused_before_the_handler()
    {
        var handler = AddingHandler(0);
        await using var server = await StartAsync(handler);
        using var wrong = Client(secret: "another-secret-of-enough-length");
        using var raw = new HttpClient(new SocketsHttpHandler());
        var request = Codec.ToRequest(WireFixture.Call(nameof(IWireProbeGrain.Add), [1, 1]));

        using var bare = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, SiloTransportServer.InvokePath))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(Codec.Encode(request)),
        };
        using var unauthenticated = await raw.SendAsync(bare, TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<OrleansException>(() => wrong.SendAsync(server.Address, request, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(new Version(2, 0), unauthenticated.Version);
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task A_body_that_is_not_a_request_is_answered_400_without_reaching_the_handler()
    {
        var handler = AddingHandler(0);
        await using var server = await StartAsync(handler);
        using var client = Client();

        var empty = await Assert.ThrowsAsync<OrleansException>(() => client.SendAsync(server.Address, [], TestContext.Current.CancellationToken));
        var garbage = await Assert.ThrowsAsync<OrleansException>(() => client.SendAsync(server.Address, "{\"Id\":\"x\"}"u8.ToArray(), TestContext.Current.CancellationToken));

        Assert.Contains("400", empty.Message, StringComparison.Ordinal);
        Assert.Contains("not valid message JSON", garbage.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task Cancelling_the_caller_resets_the_stream_and_cancels_the_handlers_token()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var observed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateWireHandler(async (request, token) =>
        {
            using var registration = token.Register(observed.SetResult);
            var message = Codec.ToMessage(request, token);
            started.SetResult();
            await Task.Delay(Timeout.Infinite, message.CancellationToken);
            return Codec.ToResponse(request.Id, message.Method, null);
        });
        await using var server = await StartAsync(handler);
        using var client = Client();
        using var caller = new CancellationTokenSource();

        var call = client.SendAsync(server.Address, Codec.ToRequest(WireFixture.Call(nameof(IWireProbeGrain.Wait), [caller.Token])), caller.Token);
        await started.Task.WaitAsync(Guard, TestContext.Current.CancellationToken);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await observed.Task.WaitAsync(Guard, TestContext.Current.CancellationToken);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task A_one_way_call_is_answered_before_it_runs()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateWireHandler(async (request, _) =>
        {
            var message = Codec.ToMessage(request, CancellationToken.None);
            await release.Task;
            finished.SetResult((string)message.Arguments[0]!);
            return Codec.ToResponse(request.Id, message.Method, null);
        });
        await using var server = await StartAsync(handler);
        using var client = Client();

        var response = await client.SendAsync(server.Address, Codec.ToRequest(WireFixture.Call(nameof(IWireProbeGrain.Notify), ["ping"])), TestContext.Current.CancellationToken);

        Assert.Null(response);
        Assert.False(finished.Task.IsCompleted);
        release.SetResult();
        Assert.Equal("ping", await finished.Task.WaitAsync(Guard, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Two_hundred_concurrent_calls_are_all_answered_correctly()
    {
        await using var server = await StartAsync(AddingHandler(0));
        using var client = Client();

        var calls = Enumerable.Range(0, 200).Select(async i =>
        {
            var call = WireFixture.Call(nameof(IWireProbeGrain.Add), [i, i * 1000]);
            var response = await client.SendAsync(server.Address, Codec.ToRequest(call), TestContext.Current.CancellationToken);
            return (Expected: i + (i * 1000), Id: call.Id, Response: response!, Call: call);
        }).ToList();
        var results = await Task.WhenAll(calls);

        Assert.All(results, r =>
        {
            Assert.Equal(r.Id, r.Response.Id);
            Assert.Equal(r.Expected, Codec.ReadResult(r.Response, r.Call.Method));
        });
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413_before_the_handler()
    {
        var handler = AddingHandler(0);
        await using var server = await StartAsync(handler, maxMessageSize: 16 * 1024);
        using var generous = Client(maxMessageSize: 1024 * 1024);
        using var strict = Client(maxMessageSize: 16 * 1024);
        var request = Codec.ToRequest(WireFixture.Call(nameof(IWireProbeGrain.Describe), [new string('x', 20_000)], parameterTypes: [typeof(string)]));
        var large = fixture.CreateCodec(1024 * 1024).ToRequest(WireFixture.Call(nameof(IWireProbeGrain.Describe), [new string('x', 20_000)], parameterTypes: [typeof(string)]));

        var refused = await Assert.ThrowsAsync<WireFormatException>(() => generous.SendAsync(server.Address, large, TestContext.Current.CancellationToken));
        var notSent = await Assert.ThrowsAsync<WireFormatException>(() => strict.SendAsync(server.Address, request, TestContext.Current.CancellationToken));

        Assert.Contains("413", refused.Message, StringComparison.Ordinal);
        Assert.Contains("limit of 16384 bytes", notSent.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public void The_transport_refuses_to_start_without_a_cluster_secret()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new SiloTransportClient(Options.Create(new TransportOptions { ClusterSecret = "short" })));

        Assert.Contains("ClusterSecret is required", error.Message, StringComparison.Ordinal);
        Assert.Equal(11111, new TransportOptions().SiloPort);
        Assert.Equal(30000, new TransportOptions().GatewayPort);
    }

    [Fact]
    public async Task An_unreachable_silo_fails_the_call_as_unavailable()
    {
        Uri address;
        await using (var server = await StartAsync(AddingHandler(0)))
        {
            address = server.Address;
        }

        using var client = Client();
        await Assert.ThrowsAsync<SiloUnavailableException>(() =>
            client.SendAsync(address, Codec.ToRequest(WireFixture.Call(nameof(IWireProbeGrain.Add), [1, 1])), TestContext.Current.CancellationToken));
    }

    private DelegateWireHandler AddingHandler(int offset) => new((request, token) =>
    {
        var message = Codec.ToMessage(request, token);
        var sum = (int)message.Arguments[0]! + (int)message.Arguments[1]! + offset;
        return Task.FromResult(Codec.ToResponse(request.Id, message.Method, sum));
    });

    private static async Task<SiloTransportServer> StartAsync(IWireRequestHandler handler, int maxMessageSize = WireFixture.MaxMessageSize)
    {
        var options = new TransportOptions { SiloPort = 0, ClusterSecret = Secret, MaxMessageSize = maxMessageSize };
        var server = new SiloTransportServer(Options.Create(options), handler, NullLogger<SiloTransportServer>.Instance);
        try
        {
            await server.StartAsync(TestContext.Current.CancellationToken);
            return server;
        }
        catch
        {
            // A server that failed to start is still stopped before the failure propagates.
            await server.DisposeAsync();
            throw;
        }
    }

    private static SiloTransportClient Client(string secret = Secret, int maxMessageSize = WireFixture.MaxMessageSize) =>
        new(Options.Create(new TransportOptions { ClusterSecret = secret, MaxMessageSize = maxMessageSize }));
}
