using Maestro.Client;
using Microsoft.Extensions.Options;

namespace Maestro.Silo.Tests.Client;

/// <summary>The order in which the client tries gateways, and how it reads gateway endpoints.</summary>
public sealed class GatewayListTests
{
    private static readonly Uri A = new("http://127.0.0.1:30001/");
    private static readonly Uri B = new("http://127.0.0.1:30002/");
    private static readonly Uri C = new("http://127.0.0.1:30003/");

    [Fact]
    public void The_gateway_that_worked_comes_first_and_one_that_failed_comes_last_until_its_retry_delay_passed()
    {
        var time = new ManualTime();
        var list = Create(time, A, B, C);

        list.Succeeded(B);
        Assert.Equal(B, list.Candidates()[0]);
        Assert.Equal(B, list.CurrentGateway);

        list.Failed(B);
        Assert.Null(list.CurrentGateway);
        Assert.Equal(B, list.Candidates()[^1]);
        time.Advance(TimeSpan.FromSeconds(1));
        list.Failed(A);
        Assert.Equal([C, B, A], list.Candidates());

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal([A, B, C], Sorted(list.Candidates()));
        list.Succeeded(A);
        Assert.Equal(A, list.Candidates()[0]);
    }

    [Fact]
    public void A_refreshed_list_adds_new_gateways_and_keeps_the_configured_ones_as_a_last_resort()
    {
        var list = Create(new ManualTime(), A);
        list.Replace([new Uri("http://127.0.0.1:30002"), C]);

        Assert.Equal([B, C], Sorted(list.KnownGateways.Take(2)));
        Assert.Equal(A, list.KnownGateways[^1]);
        list.Replace([]);
        Assert.Equal([A], list.KnownGateways);
    }

    [Theory]
    [InlineData("127.0.0.1:30000", "http://127.0.0.1:30000/")]
    [InlineData(" http://Silo-1:30001/ ", "http://silo-1:30001/")]
    [InlineData("[::1]:30002", "http://[::1]:30002/")]
    public void Gateway_endpoints_are_read_as_people_write_them(string text, string expected) =>
        Assert.Equal(new Uri(expected), GatewayEndpoint.Parse(text));

    [Theory]
    [InlineData("localhost", "needs a port")]
    [InlineData("localhost:", "needs a port")]
    [InlineData("127.0.0.1:0", "needs a port")]
    [InlineData("127.0.0.1:65536", "is not of the form host:port")]
    [InlineData("[::1]", "needs a port")]
    [InlineData("https://silo:30000", "is not of the form host:port")]
    [InlineData("http://silo:30000/invoke", "must be only a host and a port")]
    [InlineData("", "is not of the form host:port")]
    public void A_malformed_gateway_endpoint_is_refused_with_the_text_quoted(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => GatewayEndpoint.Parse(text));
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_that_cannot_work_are_refused_with_every_problem_named()
    {
        var options = new GatewayOptions { GatewayListRefreshPeriod = TimeSpan.Zero, ConnectTimeout = TimeSpan.FromSeconds(-1), ClientKey = " " };
        var error = Assert.Throws<OptionsValidationException>(options.Validate);
        Assert.Equal(3, error.Failures.Count());
    }

    private static Uri[] Sorted(IEnumerable<Uri> gateways) => [.. gateways.OrderBy(g => g.ToString(), StringComparer.Ordinal)];

    private static GatewayList Create(TimeProvider time, params Uri[] configured)
    {
        var staticGateways = new StaticGatewayListProviderOptions();
        staticGateways.Gateways.AddRange(configured);
        return new GatewayList(Options.Create(staticGateways), Options.Create(new GatewayOptions()), time);
    }

    /// <summary>A clock the test moves by hand, so the retry delay needs no waiting.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
