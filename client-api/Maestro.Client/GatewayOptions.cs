namespace Maestro.Client;

/// <summary>How the client finds and uses gateways. Names and defaults follow Orleans' client <c>GatewayOptions</c> where it has them.</summary>
public sealed class GatewayOptions
{
    /// <summary>How often the client asks a gateway for the live gateways (silos that joined or left). Default 1 min, as Orleans.</summary>
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a gateway that failed is tried only after every other one. Default 30 s: a silo restarting at the same
    /// address is back in use soon, and a dead one is dropped by the next refresh anyway.
    /// </summary>
    public TimeSpan FailedGatewayRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long opening a connection to a gateway may take before the client tries the next one. Default 5 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The key the silos require (their <c>TransportOptions.GatewayClientKey</c>), sent with every request. Null (the
    /// default): send none, for gateways that trust their network.
    /// </summary>
    public string? ClientKey { get; set; }

    /// <summary>Throws with every problem at once.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (GatewayListRefreshPeriod <= TimeSpan.Zero)
        {
            problems.Add($"GatewayListRefreshPeriod must be positive; it is {GatewayListRefreshPeriod}.");
        }

        if (FailedGatewayRetryDelay < TimeSpan.Zero)
        {
            problems.Add($"FailedGatewayRetryDelay must not be negative; it is {FailedGatewayRetryDelay}.");
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            problems.Add($"ConnectTimeout must be positive; it is {ConnectTimeout}.");
        }

        if (ClientKey is not null && string.IsNullOrWhiteSpace(ClientKey))
        {
            problems.Add("ClientKey, when set, must not be blank.");
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(GatewayOptions), typeof(GatewayOptions), problems);
        }
    }
}
