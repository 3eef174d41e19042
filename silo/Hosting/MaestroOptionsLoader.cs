using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Maestro.Silo.Hosting;

/// <summary>
/// Reads <see cref="MaestroOptions"/> from configuration and checks them before anything starts, so a bad setting is
/// one line naming it (a <see cref="SiloConfigurationException"/>) and never a stack trace from deep in the host.
/// </summary>
public static class MaestroOptionsLoader
{
    public static MaestroOptions Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(MaestroOptions.SectionName);
        var port = ParsePort(section[SiloSettings.Port.Property]);
        var options = new MaestroOptions();
        section.Bind(options);
        options.Port = port;
        options.DataDirectory = PrepareDataDirectory(options.DataDirectory);
        options.ServiceId = RequireText(options.ServiceId, SiloSettings.ServiceId);
        options.ClusterId = RequireText(options.ClusterId, SiloSettings.ClusterId);
        if (options.SiloName is not null)
        {
            options.SiloName = RequireText(options.SiloName, SiloSettings.SiloName);
        }

        EnsurePortIsFree(port);
        return options;
    }

    private static int ParsePort(string? raw)
    {
        if (raw is null)
        {
            return MaestroOptions.DefaultPort;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new SiloConfigurationException(
                $"{SiloSettings.Port.DisplayName} must be a whole number from 1 to 65535; got '{raw}'.");
    }

    /// <summary>Creates the folder and writes a probe file in it: the database must be able to live there.</summary>
    private static string PrepareDataDirectory(string? directory)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new SiloConfigurationException($"{SiloSettings.DataDirectory.DisplayName} must name a folder; it is empty.");
        }

        string full;
        try
        {
            full = Path.GetFullPath(directory);
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".write-probe-{Environment.ProcessId}");
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SiloConfigurationException(
                $"{SiloSettings.DataDirectory.DisplayName} '{directory}' is not a writable folder: {OneLine(ex.Message)}", ex);
        }

        return full;
    }

    private static string RequireText(string? value, SiloSetting setting) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new SiloConfigurationException($"{setting.DisplayName} must not be empty.")
            : value.Trim();

    /// <summary>Fails early, with the setting's name, when another process already listens on the port.</summary>
    private static void EnsurePortIsFree(int port)
    {
        try
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            listener.Listen();
        }
        catch (SocketException ex)
        {
            throw new SiloConfigurationException(
                $"{SiloSettings.Port.DisplayName} {port} cannot be used on localhost: {OneLine(ex.Message)}", ex);
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
