using System.Globalization;
using System.Text;
using Maestro.Api.Hosting;

namespace Maestro.Gateway.Hosting;

/// <summary>
/// The gateway's command line: <c>--port</c>, <c>--listen</c>, <c>--gateway</c> (repeatable), <c>--client-key-file</c>
/// (each as <c>--name value</c> or <c>--name=value</c>) and <c>--help</c>. Values become keys of the <c>Maestro</c>
/// configuration section, so they override appsettings.json and the environment; <see cref="GatewayOptionsLoader"/> checks them.
/// </summary>
/// <param name="ShowHelp">True when help was asked for; it wins over any other argument.</param>
/// <param name="Error">One line saying what is wrong with the command line, or null.</param>
/// <param name="Settings">Configuration keys and values given on the command line (<c>--gateway</c> as <c>Maestro:Gateways:0</c>, <c>:1</c>, ...).</param>
public sealed record GatewayCommandLine(bool ShowHelp, string? Error, IReadOnlyDictionary<string, string?> Settings)
{
    /// <summary>The exit code for a bad command line or a bad setting.</summary>
    public const int UsageErrorExitCode = 2;

    /// <summary>The exit code when no silo gateway answered at start.</summary>
    public const int UnavailableExitCode = 3;

    public const string PortKey = GatewayHostOptions.SectionName + ":Port";

    public const string ListenKey = GatewayHostOptions.SectionName + ":ListenAddress";

    public const string GatewaysKey = GatewayHostOptions.SectionName + ":Gateways";

    public const string ClientKeyFileKey = GatewayHostOptions.SectionName + ":GatewayClientKeyFile";

    private static readonly Dictionary<string, (string Key, string ValueName)> Switches = new(StringComparer.Ordinal)
    {
        ["--port"] = (PortKey, "<n>"),
        ["--listen"] = (ListenKey, "<ip>"),
        ["--gateway"] = (GatewaysKey, "<host:port>"),
        ["--client-key-file"] = (ClientKeyFileKey, "<path>"),
    };

    public static string Usage { get; } = new StringBuilder()
        .AppendLine("Maestro gateway: the Maestro REST API (services, workflows, templates, test runs, analytics, audit,")
        .AppendLine("API keys; OpenAPI at /openapi/v1.json, GET /health) as its own stateless process. It calls the grains")
        .AppendLine("through the silos' gateway ports with Maestro.Client and keeps no state of its own. It also serves the")
        .AppendLine("dashboard at /dashboard (sign in with an API key; settings Maestro:Dashboard:*, as on a silo).")
        .AppendLine()
        .AppendLine("Usage: dotnet run --project client-api/Maestro.Gateway -- [options]")
        .AppendLine("       dotnet Maestro.Gateway.dll [options]")
        .AppendLine()
        .AppendLine("Options:")
        .AppendLine("  --port <n>                 HTTP port of the REST API.")
        .AppendLine($"                             setting {PortKey}, default: {GatewayHostOptions.DefaultPort}")
        .AppendLine("  --listen <ip>              Address the REST API listens on (an IP address).")
        .AppendLine($"                             setting {ListenKey}, default: {GatewayHostOptions.DefaultListenAddress}")
        .AppendLine("  --gateway <host:port>      A silo's gateway endpoint; repeat for several. The client learns the other")
        .AppendLine("                             silos from the cluster and fails over between them.")
        .AppendLine($"                             setting {GatewaysKey}:0, :1, ..., default: {GatewayHostOptions.DefaultClusterGateway}")
        .AppendLine("  --client-key-file <path>   File holding the key the silos' gateways require (surrounding whitespace")
        .AppendLine("                             ignored); or set Maestro__GatewayClientKey in the environment, not both.")
        .AppendLine($"                             setting {ClientKeyFileKey}, default: none")
        .AppendLine("  -h, --help                 Print this help and exit.")
        .AppendLine()
        .AppendLine("Each setting can also come from the environment (Maestro__Port=8091, Maestro__Gateways__0=127.0.0.1:30001);")
        .AppendLine("the command line wins. Stop with Ctrl+C or SIGTERM.")
        .AppendLine("Exit codes: 0 stopped cleanly, 2 bad command line or setting, 3 no silo gateway reachable at start.")
        .ToString();

    public static GatewayCommandLine Parse(IReadOnlyList<string> args)
    {
        if (CommandLineOptions.AsksForHelp(args))
        {
            return new GatewayCommandLine(ShowHelp: true, Error: null, new Dictionary<string, string?>());
        }

        var (options, error) = CommandLineOptions.Split(args, name => Switches.TryGetValue(name, out var known) ? known.ValueName : null);
        if (error is not null)
        {
            return Failure(error);
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var gateways = 0;
        foreach (var (name, value) in options)
        {
            var key = Switches[name].Key;
            if (key == GatewaysKey)
            {
                key = $"{GatewaysKey}:{gateways++.ToString(CultureInfo.InvariantCulture)}";
            }
            else if (settings.ContainsKey(key))
            {
                return Failure($"option '{name}' is given twice.");
            }

            settings[key] = value;
        }

        return new GatewayCommandLine(ShowHelp: false, Error: null, settings);
    }

    private static GatewayCommandLine Failure(string error) => new(ShowHelp: false, error, new Dictionary<string, string?>());
}
