using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using Maestro.Runtime.Cluster.PostgreSql;
using Maestro.Runtime.Gateway;
using Maestro.Runtime.Storage.PostgreSql;
using Maestro.Runtime.Transport;

namespace Maestro.Silo.Hosting;

/// <summary>The silo builder steps that depend on the host's settings: storage and clustering, and extra grain assemblies.</summary>
public static class ClusterHosting
{
    /// <summary>
    /// With <see cref="MaestroOptions.Postgres"/>: PostgreSQL clustering (membership, directory, HTTP/2 transport on
    /// 127.0.0.1 at <see cref="MaestroOptions.SiloPort"/>) and PostgreSQL grain storage. Without it: SQLite storage, alone.
    /// </summary>
    public static void ConfigureStorageAndClustering(ISiloBuilder silo, MaestroOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Postgres is not { } connectionString)
        {
            silo.AddSqliteGrainStorageAsDefault(storage => storage.DatabasePath = options.DatabasePath);
            return;
        }

        var secret = options.ClusterSecret
            ?? throw new InvalidOperationException("The options loader must have read the cluster secret in cluster mode.");
        silo.UsePostgreSqlClustering(clustering => clustering.ConnectionString = connectionString)
            .Configure<TransportOptions>(transport =>
            {
                transport.ListenAddress = IPAddress.Loopback;
                transport.SiloPort = options.SiloPort;
                transport.ClusterSecret = secret;
            })
            .AddPostgreSqlGrainStorageAsDefault(storage => storage.ConnectionString = connectionString);
    }

    /// <summary>The gateway for Maestro.Client on 127.0.0.1 at <see cref="MaestroOptions.GatewayPort"/>, in both modes.</summary>
    public static void ConfigureGateway(ISiloBuilder silo, MaestroOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        silo.UseGateway().Configure<TransportOptions>(transport =>
        {
            transport.ListenAddress = IPAddress.Loopback;
            transport.GatewayPort = options.GatewayPort;
            transport.GatewayClientKey = options.GatewayClientKey;
        });
    }

    /// <summary>Loads <see cref="MaestroOptions.GrainAssembly"/> and checks that it holds at least one grain class.</summary>
    /// <exception cref="SiloConfigurationException">The file is not a .NET assembly, cannot be loaded or holds no grain.</exception>
    public static Assembly LoadGrainAssembly(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Assembly assembly;
        Type[] types;
        try
        {
            assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
            types = assembly.GetTypes();
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException)
        {
            throw new SiloConfigurationException(
                $"{SiloSettings.GrainAssembly.DisplayName} '{path}' cannot be loaded: {ex.Message.ReplaceLineEndings(" ").Trim()}", ex);
        }

        return types.Any(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t))
            ? assembly
            : throw new SiloConfigurationException($"{SiloSettings.GrainAssembly.DisplayName} '{path}' holds no grain class.");
    }
}
