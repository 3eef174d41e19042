using Maestro.Grains.Registry;

namespace Maestro.Grains.Tests.Registry;

/// <summary>What the registry accepts, and how it names what it refuses.</summary>
public sealed class ServiceRegistrationValidatorTests
{
    [Fact]
    public void A_valid_registration_takes_its_port_from_the_base_url_and_drops_duplicate_tags()
    {
        var result = ServiceRegistrationValidator.Validate("billing-2", "1.2.3-rc.1", "https://billing.internal:8443/", "/health", ["a", "a", "b"], null, null);

        Assert.True(result.IsValid);
        Assert.Equal(8443, result.Registration!.Port);
        Assert.Equal("https://billing.internal:8443", result.Registration.BaseUrl);
        Assert.Equal(["a", "b"], result.Registration.Tags);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData(null, "1.0.0", "http://a", null, "name")]
    [InlineData("Billing", "1.0.0", "http://a", null, "name")]
    [InlineData("-billing", "1.0.0", "http://a", null, "name")]
    [InlineData("billing-", "1.0.0", "http://a", null, "name")]
    [InlineData("billing\n", "1.0.0", "http://a", null, "name")]
    [InlineData("billing", "1.0", "http://a", null, "version")]
    [InlineData("billing", "01.0.0", "http://a", null, "version")]
    [InlineData("billing", "1.0.0", "ftp://a", null, "baseUrl")]
    [InlineData("billing", "1.0.0", "/relative", null, "baseUrl")]
    [InlineData("billing", "1.0.0", "http://a?x=1", null, "baseUrl")]
    [InlineData("billing", "1.0.0", "http://a", 0, "port")]
    [InlineData("billing", "1.0.0", "http://a", 65536, "port")]
    [InlineData("billing", "1.0.0", "http://a:8080", 9090, "port")]
    public void An_invalid_field_is_named(string? name, string? version, string? baseUrl, int? port, string field)
    {
        var result = ServiceRegistrationValidator.Validate(name, version, baseUrl, null, null, null, port);

        Assert.False(result.IsValid);
        Assert.Equal([field], result.Errors.Keys);
    }

    [Fact]
    public void Tags_health_endpoints_and_metadata_are_checked_by_position_and_key()
    {
        var result = ServiceRegistrationValidator.Validate(
            "billing", "1.0.0", "http://a", "health", ["ok", "Not OK"], new Dictionary<string, string> { ["k"] = new string('x', 2000) }, null);

        Assert.Equal(["healthEndpoint", "metadata.k", "tags[1]"], result.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
