namespace Maestro.Silo.Hosting;

/// <summary>
/// The silo host's settings, bound to the configuration section <c>Maestro</c> (appsettings.json, environment
/// variables such as <c>Maestro__Port</c>, then the command line, the last one winning).
/// </summary>
public sealed class MaestroOptions
{
    public const string SectionName = "Maestro";

    public const string DefaultDataDirectory = "data";

    public const int DefaultPort = 8080;

    public const string DefaultServiceId = "dev";

    public const string DefaultClusterId = "dev";

    public const string DatabaseFileName = "maestro.db";

    public const int DefaultSiloPort = 11111;

    public const int DefaultGatewayPort = 30000;

    /// <summary>
    /// The folder holding the embedded database (<c>maestro.db</c>, SQLite in WAL mode); created if missing.
    /// A relative path is resolved against the current directory. Default <c>data</c>.
    /// </summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>The HTTP port, served on localhost only (127.0.0.1 and ::1). Default 8080.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>
    /// Names the application across deployments; it is part of every storage key, so keep it stable across upgrades.
    /// Default <c>dev</c>, as Orleans' <c>UseLocalhostClustering</c>.
    /// </summary>
    public string ServiceId { get; set; } = DefaultServiceId;

    /// <summary>Silos with the same cluster id form one cluster. Default <c>dev</c>.</summary>
    public string ClusterId { get; set; } = DefaultClusterId;

    /// <summary>This silo's name in logs, health and the dashboard. Default: the machine name and process id.</summary>
    public string? SiloName { get; set; }

    /// <summary>
    /// An Npgsql connection string. When set, the silo runs in cluster mode: membership, grain directory and grain
    /// state in this PostgreSQL database, and calls routed between silos. Null (the default): one silo with SQLite.
    /// </summary>
    public string? Postgres { get; set; }

    /// <summary>The port other silos call (HTTP/2, 127.0.0.1), in cluster mode. Default 11111.</summary>
    public int SiloPort { get; set; } = DefaultSiloPort;

    /// <summary>The port clients (Maestro.Client) call (HTTP/2, 127.0.0.1), in both modes. Default 30000.</summary>
    public int GatewayPort { get; set; } = DefaultGatewayPort;

    /// <summary>
    /// A key clients must send to the gateway, for the environment (<c>Maestro__GatewayClientKey</c>), at least 16
    /// characters. Null (the default): the gateway, on 127.0.0.1, trusts local processes.
    /// </summary>
    public string? GatewayClientKey { get; set; }

    /// <summary>A file holding the cluster secret (surrounding whitespace ignored); cluster mode only.</summary>
    public string? ClusterSecretFile { get; set; }

    /// <summary>The cluster secret itself, for the environment (<c>Maestro__ClusterSecret</c>); never on the command line.</summary>
    public string? ClusterSecret { get; set; }

    /// <summary>
    /// A test-support assembly of grains to host (e.g. <c>Maestro.TestGrains.dll</c>). When set, the silo also maps the
    /// test-support endpoint <c>POST /test-support/grains/...</c>; never set it in production.
    /// </summary>
    public string? GrainAssembly { get; set; }

    /// <summary>
    /// The first admin API key, for automation and tests (<c>Maestro__InitialApiKey</c>; never on the command line).
    /// Used only on the first start, when no key exists yet; without it the first start generates one and prints it once.
    /// </summary>
    public string? InitialApiKey { get; set; }

    /// <summary>True when <see cref="Postgres"/> is set.</summary>
    public bool IsClusterMode => Postgres is not null;

    /// <summary>The SQLite grain storage file inside <see cref="DataDirectory"/>.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, DatabaseFileName);
}
