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
        var port = ParsePort(section[SiloSettings.Port.Property], SiloSettings.Port, MaestroOptions.DefaultPort);
        var siloPort = ParsePort(section[SiloSettings.SiloPort.Property], SiloSettings.SiloPort, MaestroOptions.DefaultSiloPort);
        var gatewayPort = ParsePort(section[SiloSettings.GatewayPort.Property], SiloSettings.GatewayPort, MaestroOptions.DefaultGatewayPort);
        var options = new MaestroOptions();
        section.Bind(options);
        options.Port = port;
        options.SiloPort = siloPort;
        options.GatewayPort = gatewayPort;
        ValidateGateway(options);
        ValidateCluster(options, section);
        if (options.GrainAssembly is not null)
        {
            options.GrainAssembly = RequireExistingFile(options.GrainAssembly, SiloSettings.GrainAssembly);
        }

        options.DataDirectory = PrepareDataDirectory(options.DataDirectory);
        options.ServiceId = RequireText(options.ServiceId, SiloSettings.ServiceId);
        options.ClusterId = RequireText(options.ClusterId, SiloSettings.ClusterId);
        if (options.SiloName is not null)
        {
            options.SiloName = RequireText(options.SiloName, SiloSettings.SiloName);
        }

        if (options.InitialApiKey is not null)
        {
            options.InitialApiKey = options.InitialApiKey.Trim();
            if (!Maestro.Grains.Access.ApiKeyCodec.TryGetKeyId(options.InitialApiKey, out _))
            {
                // The value itself is a secret: never quoted.
                throw new SiloConfigurationException(
                    $"{MaestroOptions.SectionName}:{nameof(MaestroOptions.InitialApiKey)} is malformed: {Maestro.Grains.Access.ApiKeyCodec.FormatDescription}.");
            }
        }

        EnsurePortIsFree(port, SiloSettings.Port);
        EnsurePortIsFree(options.GatewayPort, SiloSettings.GatewayPort);
        if (options.IsClusterMode)
        {
            EnsurePortIsFree(options.SiloPort, SiloSettings.SiloPort);
        }

        return options;
    }

    /// <summary>Binds and checks a feature's options section (e.g. <c>Maestro:Registry</c>), naming the bad setting.</summary>
    public static TOptions LoadSection<TOptions>(IConfiguration configuration, string sectionName, Action<TOptions> validate)
        where TOptions : new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(validate);
        var options = new TOptions();
        try
        {
            configuration.GetSection($"{MaestroOptions.SectionName}:{sectionName}").Bind(options);
            validate(options);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            // Validate's messages name the setting within the section; the binder's name the whole key already.
            var message = ex is ArgumentException ? $"{MaestroOptions.SectionName}:{OneLine(ex.Message)}" : OneLine(ex.Message);
            throw new SiloConfigurationException(message, ex);
        }

        return options;
    }

    private static int ParsePort(string? raw, SiloSetting setting, int defaultPort)
    {
        if (raw is null)
        {
            return defaultPort;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new SiloConfigurationException(
                $"{setting.DisplayName} must be a whole number from 1 to 65535; got '{raw}'.");
    }

    /// <summary>The gateway needs a port of its own, and a client key, when given, as long as the cluster secret.</summary>
    private static void ValidateGateway(MaestroOptions options)
    {
        if (options.GatewayPort == options.Port)
        {
            throw new SiloConfigurationException(
                $"{SiloSettings.GatewayPort.DisplayName} must differ from {SiloSettings.Port.DisplayName}; both are {options.Port}.");
        }

        if (options.IsClusterMode && options.GatewayPort == options.SiloPort)
        {
            throw new SiloConfigurationException(
                $"{SiloSettings.GatewayPort.DisplayName} must differ from {SiloSettings.SiloPort.DisplayName}; both are {options.SiloPort}.");
        }

        if (options.GatewayClientKey is not null)
        {
            options.GatewayClientKey = options.GatewayClientKey.Trim();
            var minimum = Maestro.Runtime.Transport.TransportOptions.MinimumSecretLength;
            if (options.GatewayClientKey.Length < minimum)
            {
                throw new SiloConfigurationException(
                    $"The gateway client key (Maestro__GatewayClientKey) must have at least {minimum} characters; the one given has {options.GatewayClientKey.Length}.");
            }
        }
    }

    /// <summary>
    /// Cluster mode needs a valid connection string, a secret (from a file or the environment, not both) of at least
    /// <see cref="Maestro.Runtime.Transport.TransportOptions.MinimumSecretLength"/> characters and a silo port of its
    /// own; without <c>--postgres</c> the cluster settings are refused, since they would silently do nothing. Neither
    /// the secret nor the connection string (which may carry a password) ever appears in a message.
    /// </summary>
    private static void ValidateCluster(MaestroOptions options, IConfigurationSection section)
    {
        var siloPortGiven = section[SiloSettings.SiloPort.Property] is not null;
        if (options.Postgres is null)
        {
            foreach (var (given, setting) in new[]
                     {
                         (siloPortGiven, SiloSettings.SiloPort),
                         (options.ClusterSecretFile is not null, SiloSettings.ClusterSecretFile),
                         (options.ClusterSecret is not null, SiloSettings.ClusterSecret),
                     })
            {
                if (given)
                {
                    throw new SiloConfigurationException(
                        $"{setting.Key} applies only in cluster mode; give {SiloSettings.Postgres.DisplayName} as well or leave it out.");
                }
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(options.Postgres))
        {
            throw new SiloConfigurationException($"{SiloSettings.Postgres.DisplayName} must not be empty.");
        }

        try
        {
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(options.Postgres);
            if (string.IsNullOrWhiteSpace(connection.Host))
            {
                throw new SiloConfigurationException($"{SiloSettings.Postgres.DisplayName} must name a Host.");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            // Neither the connection string nor Npgsql's message (which may quote a value, a password included) is shown.
            throw new SiloConfigurationException(
                $"{SiloSettings.Postgres.DisplayName} is not a valid Npgsql connection string (keyword=value pairs separated by ';').", ex);
        }

        if (options.SiloPort == options.Port)
        {
            throw new SiloConfigurationException(
                $"{SiloSettings.SiloPort.DisplayName} must differ from {SiloSettings.Port.DisplayName}; both are {options.Port}.");
        }

        options.ClusterSecret = ReadSecret(options);
    }

    private static string ReadSecret(MaestroOptions options)
    {
        string secret;
        if (options.ClusterSecretFile is not null)
        {
            if (options.ClusterSecret is not null)
            {
                throw new SiloConfigurationException(
                    $"Give the cluster secret once: {SiloSettings.ClusterSecretFile.DisplayName} or Maestro__ClusterSecret, not both.");
            }

            var path = RequireExistingFile(options.ClusterSecretFile, SiloSettings.ClusterSecretFile);
            try
            {
                secret = File.ReadAllText(path).Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new SiloConfigurationException(
                    $"{SiloSettings.ClusterSecretFile.DisplayName} '{options.ClusterSecretFile}' cannot be read: {OneLine(ex.Message)}", ex);
            }
        }
        else if (options.ClusterSecret is not null)
        {
            secret = options.ClusterSecret.Trim();
        }
        else
        {
            throw new SiloConfigurationException(
                $"Cluster mode ({SiloSettings.Postgres.Switch}) needs the cluster secret: {SiloSettings.ClusterSecretFile.Switch} <path> or the environment variable Maestro__ClusterSecret.");
        }

        var minimum = Maestro.Runtime.Transport.TransportOptions.MinimumSecretLength;
        return secret.Length >= minimum
            ? secret
            : throw new SiloConfigurationException(
                $"The cluster secret must have at least {minimum} characters; the one given has {secret.Length}.");
    }

    private static string RequireExistingFile(string path, SiloSetting setting)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new SiloConfigurationException($"{setting.DisplayName} must name a file; it is empty.");
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new SiloConfigurationException($"{setting.DisplayName} '{path}' is not a file path: {OneLine(ex.Message)}", ex);
        }

        return File.Exists(full)
            ? full
            : throw new SiloConfigurationException($"{setting.DisplayName} '{path}' does not exist or is not a file.");
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
    private static void EnsurePortIsFree(int port, SiloSetting setting)
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
                $"{setting.DisplayName} {port} cannot be used on localhost: {OneLine(ex.Message)}", ex);
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
