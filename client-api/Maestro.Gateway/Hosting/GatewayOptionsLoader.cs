using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Maestro.Client;
using Maestro.Runtime.Transport;

namespace Maestro.Gateway.Hosting;

/// <summary>
/// Reads <see cref="GatewayHostOptions"/> from configuration and checks every value before anything starts, so a bad
/// setting is one line naming it (a <see cref="GatewayConfigurationException"/>), never a stack trace.
/// </summary>
public static class GatewayOptionsLoader
{
    public static GatewayHostOptions Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(GatewayHostOptions.SectionName);
        var options = new GatewayHostOptions
        {
            ListenAddress = ParseAddress(section["ListenAddress"]),
            ClusterGateways = ParseGateways(section.GetSection("Gateways")),
            GatewayClientKey = ReadClientKey(section["GatewayClientKey"], section["GatewayClientKeyFile"]),
        };
        options.Port = ParsePort(section["Port"], options.ListenAddress);
        return options;
    }

    private static IPAddress ParseAddress(string? text)
    {
        if (text is null)
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(text.Trim(), out var address)
            ? address
            : throw new GatewayConfigurationException($"--listen ({GatewayCommandLine.ListenKey}) '{text}' is not an IP address (for example 127.0.0.1).");
    }

    private static int ParsePort(string? text, IPAddress address)
    {
        var port = GatewayHostOptions.DefaultPort;
        if (text is not null && (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new GatewayConfigurationException($"--port ({GatewayCommandLine.PortKey}) '{text}' is not a port from 1 to 65535.");
        }

        try
        {
            using var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(address, port));
            listener.Listen();
        }
        catch (SocketException ex)
        {
            throw new GatewayConfigurationException(
                $"--port ({GatewayCommandLine.PortKey}) {port} cannot be used on {address}: {ex.Message.ReplaceLineEndings(" ").Trim()}", ex);
        }

        return port;
    }

    private static List<Uri> ParseGateways(IConfigurationSection section)
    {
        var gateways = new List<Uri>();
        foreach (var child in section.GetChildren())
        {
            try
            {
                gateways.Add(GatewayEndpoint.Parse(child.Value ?? string.Empty));
            }
            catch (FormatException ex)
            {
                throw new GatewayConfigurationException($"--gateway ({GatewayCommandLine.GatewaysKey}:{child.Key}): {ex.Message}", ex);
            }
        }

        return gateways.Count > 0 ? [.. gateways.Distinct()] : [GatewayEndpoint.Parse(GatewayHostOptions.DefaultClusterGateway)];
    }

    private static string? ReadClientKey(string? fromEnvironment, string? file)
    {
        if (fromEnvironment is not null && file is not null)
        {
            throw new GatewayConfigurationException(
                $"The gateway client key comes from --client-key-file ({GatewayCommandLine.ClientKeyFileKey}) or Maestro__GatewayClientKey, not both.");
        }

        var key = fromEnvironment;
        if (file is not null)
        {
            try
            {
                key = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new GatewayConfigurationException($"--client-key-file '{file}' cannot be read: {ex.Message.ReplaceLineEndings(" ").Trim()}", ex);
            }
        }

        if (key is null)
        {
            return null;
        }

        key = key.Trim();
        // The value is a secret: its length is named, never the value.
        return key.Length >= TransportOptions.MinimumSecretLength
            ? key
            : throw new GatewayConfigurationException(
                $"The gateway client key must have at least {TransportOptions.MinimumSecretLength} characters; the one given has {key.Length}.");
    }
}
