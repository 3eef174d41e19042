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

    public static IReadOnlyList<SiloSetting> All { get; } = [DataDirectory, Port, ServiceId, ClusterId, SiloName];
}
