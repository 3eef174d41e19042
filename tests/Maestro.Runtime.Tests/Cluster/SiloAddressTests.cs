using Maestro.Runtime.Cluster;

namespace Maestro.Runtime.Tests.Cluster;

/// <summary>The <c>host:port:generation</c> text form is the key of a silo in the database, so it must round-trip exactly.</summary>
public sealed class SiloAddressTests
{
    [Theory]
    [InlineData("10.0.0.1", 11111, 1763700000000L, "10.0.0.1:11111:1763700000000")]
    [InlineData("silo-a.internal", 1, 1L, "silo-a.internal:1:1")]
    [InlineData("fe80::1", 65535, 42L, "fe80::1:65535:42")]
    public void The_text_form_is_host_port_generation_and_parses_back(string host, int port, long generation, string text)
    {
        var address = new SiloAddress(host, port, generation);

        Assert.Equal(text, address.ToString());
        Assert.Equal(address, SiloAddress.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("10.0.0.1")]
    [InlineData("10.0.0.1:11111")]
    [InlineData(":11111:5")]
    [InlineData("10.0.0.1:0:5")]
    [InlineData("10.0.0.1:70000:5")]
    [InlineData("10.0.0.1:11111:0")]
    [InlineData("10.0.0.1:11111:-5")]
    [InlineData("10.0.0.1:port:5")]
    public void Anything_else_is_refused(string text) =>
        Assert.Throws<FormatException>(() => SiloAddress.Parse(text));

    [Fact]
    public void A_restart_at_the_same_endpoint_is_a_different_silo()
    {
        var first = new SiloAddress("10.0.0.1", 11111, 1);
        var restarted = new SiloAddress("10.0.0.1", 11111, 2);

        Assert.NotEqual(first, restarted);
        Assert.True(first.IsSameEndpoint(restarted));
        Assert.False(first.IsSameEndpoint(new SiloAddress("10.0.0.1", 11112, 1)));
    }
}
