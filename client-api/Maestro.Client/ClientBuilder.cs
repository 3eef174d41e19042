using Microsoft.Extensions.Configuration;

namespace Maestro.Client;

/// <summary>The plain <see cref="IClientBuilder"/>.</summary>
internal sealed class ClientBuilder(IServiceCollection services, IConfiguration configuration) : IClientBuilder
{
    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;
}
