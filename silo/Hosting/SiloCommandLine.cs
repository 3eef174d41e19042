using System.Text;
using Maestro.Api.Hosting;

namespace Maestro.Silo.Hosting;

/// <summary>
/// The silo's command line: <c>--data</c>, <c>--port</c>, <c>--service-id</c>, <c>--cluster-id</c>,
/// <c>--silo-name</c>, the cluster-mode <c>--postgres</c>, <c>--silo-port</c>, <c>--cluster-secret-file</c>, the
/// test-support <c>--grain-assembly</c> (each as <c>--name value</c> or <c>--name=value</c>) and <c>--help</c>. Values become
/// configuration keys of the <c>Maestro</c> section, so they override appsettings.json and environment variables.
/// </summary>
public sealed class SiloCommandLine
{
    /// <summary>The exit code for a bad command line or a bad setting.</summary>
    public const int UsageErrorExitCode = 2;

    private SiloCommandLine(bool showHelp, string? error, IReadOnlyDictionary<string, string?> settings)
    {
        ShowHelp = showHelp;
        Error = error;
        Settings = settings;
    }

    /// <summary>True when help was asked for; it wins over any other argument.</summary>
    public bool ShowHelp { get; }

    /// <summary>One line saying what is wrong with the command line, or null.</summary>
    public string? Error { get; }

    /// <summary>Configuration keys and values given on the command line.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The help text: usage, then every setting with its configuration key and default.</summary>
    public static string Usage { get; } = BuildUsage();

    public static SiloCommandLine Parse(IReadOnlyList<string> args)
    {
        if (CommandLineOptions.AsksForHelp(args))
        {
            return new SiloCommandLine(showHelp: true, error: null, new Dictionary<string, string?>());
        }

        var (options, error) = CommandLineOptions.Split(args, name => Setting(name)?.ValueName);
        return error is not null
            ? Failure(error)
            : new SiloCommandLine(showHelp: false, error: null, options.ToDictionary(o => Setting(o.Name)!.Key, o => (string?)o.Value, StringComparer.OrdinalIgnoreCase));
    }

    private static SiloSetting? Setting(string name) => SiloSettings.All.FirstOrDefault(s => string.Equals(s.Switch, name, StringComparison.Ordinal));

    private static SiloCommandLine Failure(string error) => new(showHelp: false, error, new Dictionary<string, string?>());

    private static string BuildUsage()
    {
        var usage = new StringBuilder()
            .AppendLine("Maestro silo: one silo of the Maestro actor runtime, with embedded SQLite storage and its HTTP API")
            .AppendLine("(GET /health, OpenAPI at /openapi/v1.json) on localhost.")
            .AppendLine()
            .AppendLine("Usage: dotnet run --project silo -- [options]")
            .AppendLine("       dotnet Maestro.Silo.dll [options]")
            .AppendLine()
            .AppendLine("Options:");
        const int width = 30;
        foreach (var setting in SiloSettings.All)
        {
            usage.Append("  ").Append($"{setting.Switch} {setting.ValueName}".PadRight(width)).AppendLine(setting.Description)
                .Append("  ").Append(string.Empty.PadRight(width))
                .AppendLine($"setting {setting.Key}, default: {setting.DefaultValue}");
        }

        return usage
            .Append("  ").Append("-h, --help".PadRight(width)).AppendLine("Print this help and exit.")
            .AppendLine()
            .AppendLine("Each setting can also come from appsettings.json or the environment (Maestro__Port=8081);")
            .AppendLine("the command line wins. Stop with Ctrl+C or SIGTERM: grains deactivate and the database is checkpointed.")
            .AppendLine("Exit codes: 0 stopped cleanly, 2 bad command line or setting.")
            .ToString();
    }
}
