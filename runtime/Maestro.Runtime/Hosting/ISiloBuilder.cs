using Microsoft.Extensions.Configuration;

namespace Maestro.Runtime.Hosting;

/// <summary>Configures a silo inside <c>UseOrleans</c>.</summary>
public interface ISiloBuilder
{
    IServiceCollection Services { get; }

    IConfiguration Configuration { get; }
}
