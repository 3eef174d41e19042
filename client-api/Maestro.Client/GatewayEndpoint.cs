using System.Globalization;
using System.Net;

namespace Maestro.Client;

/// <summary>Reads gateway addresses as people write them.</summary>
public static class GatewayEndpoint
{
    /// <summary>
    /// Parses <c>host:port</c>, <c>[ipv6]:port</c> or <c>http://host:port/</c> into the gateway's address.
    /// </summary>
    /// <exception cref="FormatException">The text is not one of those forms, or the port is not 1-65535; the message quotes it.</exception>
    public static Uri Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var withScheme = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "http://" + trimmed;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new FormatException($"Gateway endpoint '{text}' is not of the form host:port (for example 127.0.0.1:30000) or http://host:port/.");
        }

        if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new FormatException($"Gateway endpoint '{text}' must be only a host and a port; it has a path, query or user name.");
        }

        // Uri fills in port 80 when none is written: a gateway has no default port, so it must be explicit.
        var authority = withScheme[(withScheme.IndexOf("://", StringComparison.Ordinal) + 3)..].TrimEnd('/');
        var portText = authority[(authority.LastIndexOf(':') + 1)..];
        if (authority.LastIndexOf(':') < authority.LastIndexOf(']') || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"Gateway endpoint '{text}' needs a port from 1 to 65535 (for example 127.0.0.1:30000).");
        }

        return new Uri($"http://{uri.Authority}/");
    }

    /// <summary>The gateway address of an IP endpoint.</summary>
    public static Uri FromEndPoint(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        if (endPoint.Port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(endPoint), endPoint.Port, "A gateway endpoint needs a port from 1 to 65535.");
        }

        return Parse(endPoint.ToString());
    }
}
