using Microsoft.Extensions.Configuration;

namespace Maestro.Client;

/// <summary>Configures a cluster client, as Orleans' <c>IClientBuilder</c>.</summary>
public interface IClientBuilder
{
    IServiceCollection Services { get; }

    IConfiguration Configuration { get; }
}
