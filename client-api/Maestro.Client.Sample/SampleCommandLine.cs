using System.Text;

namespace Maestro.Client.Sample;

/// <summary>
/// The sample's command line: <c>--gateway &lt;host:port&gt;</c> (repeatable; default 127.0.0.1:30000),
/// <c>--client-key-file &lt;path&gt;</c> and <c>--help</c>. Every value is checked here, so a mistake is one line.
/// </summary>
public sealed class SampleCommandLine
{
    public const int UsageErrorExitCode = 2;

    public const int UnavailableExitCode = 3;

    public const string DefaultGateway = "127.0.0.1:30000";

    private SampleCommandLine(bool showHelp, string? error, IReadOnlyList<Uri> gateways, string? clientKey)
    {
        ShowHelp = showHelp;
        Error = error;
        Gateways = gateways;
        ClientKey = clientKey;
    }

    public bool ShowHelp { get; }

    /// <summary>What is wrong with the command line, or null.</summary>
    public string? Error { get; }

    public IReadOnlyList<Uri> Gateways { get; }

    /// <summary>The gateway client key read from <c>--client-key-file</c>, or null.</summary>
    public string? ClientKey { get; }

    public static string Usage { get; } = new StringBuilder()
        .AppendLine("Maestro client sample: connects to a silo's gateway from its own process and prints the cluster's")
        .AppendLine("silos, as the management grain (IManagementGrain) reports them.")
        .AppendLine()
        .AppendLine("Usage: dotnet run --project client-api/Maestro.Client.Sample -- [options]")
        .AppendLine()
        .AppendLine("Options:")
        .AppendLine("  --gateway <host:port>      A silo's gateway (repeat for several); default " + DefaultGateway + ".")
        .AppendLine("  --client-key-file <path>   File holding the gateway client key, if the silos require one.")
        .AppendLine("  -h, --help                 Print this help and exit.")
        .AppendLine()
        .AppendLine("Exit codes: 0 done, 2 bad command line, 3 no gateway reachable or the call failed.")
        .ToString();

    public static SampleCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            return new SampleCommandLine(true, null, [], null);
        }

        var gateways = new List<Uri>();
        string? clientKey = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is not ("--gateway" or "--client-key-file"))
            {
                return Failure(name.StartsWith('-') ? $"unknown option '{name}'." : $"unexpected argument '{name}'.");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return Failure($"option '{name}' needs a value.");
            }

            var value = args[++i];
            if (name == "--gateway")
            {
                try
                {
                    gateways.Add(GatewayEndpoint.Parse(value));
                }
                catch (FormatException ex)
                {
                    return Failure($"--gateway: {ex.Message}");
                }
            }
            else
            {
                try
                {
                    clientKey = File.ReadAllText(value).Trim();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    return Failure($"--client-key-file '{value}' cannot be read: {ex.Message}");
                }

                if (clientKey.Length == 0)
                {
                    return Failure($"--client-key-file '{value}' is empty.");
                }
            }
        }

        return new SampleCommandLine(false, null, gateways.Count > 0 ? gateways : [GatewayEndpoint.Parse(DefaultGateway)], clientKey);
    }

    private static SampleCommandLine Failure(string error) => new(false, error, [], null);
}
