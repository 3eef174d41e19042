using Microsoft.Extensions.Configuration;

namespace Maestro.Runtime.Hosting;

/// <summary>The plain <see cref="ISiloBuilder"/>.</summary>
internal sealed class SiloBuilder(IServiceCollection services, IConfiguration configuration) : ISiloBuilder
{
    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;
}
