namespace Maestro.Api.Hosting;

/// <summary>
/// Splits a host's command line (the silo's, the gateway's) into options, each <c>--name value</c> or
/// <c>--name=value</c>; each host maps the names to its settings.
/// </summary>
public static class CommandLineOptions
{
    /// <summary>The help switches; one anywhere on the command line wins over everything else.</summary>
    public static IReadOnlyList<string> HelpSwitches { get; } = ["--help", "-h", "-?"];

    public static bool AsksForHelp(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Any(a => HelpSwitches.Contains(a, StringComparer.Ordinal));
    }

    /// <summary>The options in order, or one line saying what is wrong.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="valueNameOf">The value's name for the help and errors (e.g. <c>&lt;n&gt;</c>) of a known option; null for an unknown one.</param>
    public static (IReadOnlyList<CommandLineOption> Options, string? Error) Split(IReadOnlyList<string> args, Func<string, string?> valueNameOf)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(valueNameOf);
        var options = new List<CommandLineOption>();
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? argument : argument[..equals];
            if (valueNameOf(name) is not { } valueName)
            {
                return ([], argument.StartsWith('-') ? $"unknown option '{name}'." : $"unexpected argument '{argument}'.");
            }

            if (equals >= 0)
            {
                options.Add(new CommandLineOption(name, argument[(equals + 1)..]));
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options.Add(new CommandLineOption(name, args[++i]));
            }
            else
            {
                return ([], $"option '{name}' needs a value {valueName}.");
            }
        }

        return (options, null);
    }
}
