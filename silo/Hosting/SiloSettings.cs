namespace Maestro.Silo.Hosting;

/// <summary>The settings of the silo host, in the order help lists them.</summary>
public static class SiloSettings
{
    public static SiloSetting DataDirectory { get; } = new(
        "--data", "<dir>", nameof(MaestroOptions.DataDirectory),
        $"Folder for the embedded database ({MaestroOptions.DatabaseFileName}, SQLite); created if missing, relative to the current directory.",
        MaestroOptions.DefaultDataDirectory);

    public static SiloSetting Port { get; } = new(
        "--port", "<n>", nameof(MaestroOptions.Port),
        "HTTP port, served on localhost only.",
        MaestroOptions.DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static SiloSetting ServiceId { get; } = new(
        "--service-id", "<id>", nameof(MaestroOptions.ServiceId),
        "Service id: part of every storage key, keep it stable across upgrades.",
        MaestroOptions.DefaultServiceId);

    public static SiloSetting ClusterId { get; } = new(
        "--cluster-id", "<id>", nameof(MaestroOptions.ClusterId),
        "Cluster id: silos with the same cluster id form one cluster.",
        MaestroOptions.DefaultClusterId);

    public static SiloSetting SiloName { get; } = new(
        "--silo-name", "<name>", nameof(MaestroOptions.SiloName),
        "This silo's name in logs and /health.",
        "<machine>-<pid>");

    public static SiloSetting Postgres { get; } = new(
        "--postgres", "<conn>", nameof(MaestroOptions.Postgres),
        "Cluster mode: Npgsql connection string of the database holding membership, directory and grain state.",
        "none (one silo, SQLite)");

    public static SiloSetting SiloPort { get; } = new(
        "--silo-port", "<n>", nameof(MaestroOptions.SiloPort),
        "Cluster mode: the port other silos call (HTTP/2 on 127.0.0.1).",
        MaestroOptions.DefaultSiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static SiloSetting GatewayPort { get; } = new(
        "--gateway-port", "<n>", nameof(MaestroOptions.GatewayPort),
        "The port clients (Maestro.Client) call (HTTP/2 on 127.0.0.1); each silo on a machine needs its own.",
        MaestroOptions.DefaultGatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static SiloSetting ClusterSecretFile { get; } = new(
        "--cluster-secret-file", "<path>", nameof(MaestroOptions.ClusterSecretFile),
        "Cluster mode: file holding the cluster secret (or set Maestro__ClusterSecret); at least 16 characters.",
        "none");

    public static SiloSetting GrainAssembly { get; } = new(
        "--grain-assembly", "<path>", nameof(MaestroOptions.GrainAssembly),
        "Test support only: also host the grains of this assembly and map POST /test-support/grains/...",
        "none");

    public static IReadOnlyList<SiloSetting> All { get; } =
        [DataDirectory, Port, ServiceId, ClusterId, SiloName, GatewayPort, Postgres, SiloPort, ClusterSecretFile, GrainAssembly];

    /// <summary>The cluster secret from the environment; no command-line switch, so it never shows in a process list.</summary>
    public static SiloSetting ClusterSecret { get; } = new(
        "(env only)", "<secret>", nameof(MaestroOptions.ClusterSecret),
        "Cluster secret; set it as Maestro__ClusterSecret.",
        "none");

    /// <summary>The key clients must present to the gateway, from the environment only, like the cluster secret.</summary>
    public static SiloSetting GatewayClientKey { get; } = new(
        "(env only)", "<key>", nameof(MaestroOptions.GatewayClientKey),
        "Key clients must send to the gateway; set it as Maestro__GatewayClientKey.",
        "none");
}
