namespace Maestro.Client;

/// <summary>The gateways a client starts from, as Orleans' option of the same name. The live list then comes from the cluster.</summary>
public sealed class StaticGatewayListProviderOptions
{
    /// <summary>Gateway addresses such as <c>http://127.0.0.1:30000/</c> (see <see cref="GatewayEndpoint.Parse"/>). No default: at least one is required.</summary>
    public List<Uri> Gateways { get; } = [];

    /// <summary>Throws when no gateway is given or one is not an <c>http://host:port/</c> address.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (Gateways.Count == 0)
        {
            problems.Add("No gateway is configured: call UseStaticClustering(...) or UseLocalhostClustering(...) with at least one gateway.");
        }

        foreach (var gateway in Gateways)
        {
            if (gateway is null || !gateway.IsAbsoluteUri || gateway.Scheme != Uri.UriSchemeHttp || gateway.AbsolutePath != "/")
            {
                problems.Add($"Gateway '{gateway}' is not an address of the form http://host:port/.");
            }
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(StaticGatewayListProviderOptions), typeof(StaticGatewayListProviderOptions), problems);
        }
    }
}
