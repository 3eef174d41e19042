using System.Text.RegularExpressions;
using Maestro.GrainInterfaces.AutoRepair;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Grains.TestRuns.Journeys;

namespace Maestro.Grains.AutoRepair;

/// <summary>
/// Checks a project's automation configuration before anything runs: errors by field (<c>monitors[1].resultFile</c>),
/// the way the REST API reports them. The project folder must exist under the workspace root.
/// </summary>
public static partial class AutomationConfigValidator
{
    public const int MaxMonitors = 20;

    public const int MaxArguments = 256;

    public const int MaxConcurrentRepairsLimit = 16;

    /// <summary>The placeholder a re-run command uses for the failed test's id.</summary>
    public const string TestPlaceholder = "{test}";

    /// <summary>The journey adapters a journeys monitor may name as its command.</summary>
    public static readonly IReadOnlyList<string> JourneyAdapters = [PlaywrightJourneyAdapter.AdapterName, SeleniumJourneyAdapter.AdapterName];

    public static bool IsValidProjectId(string? projectId) => projectId is not null && ProjectIdPattern().IsMatch(projectId);

    /// <summary>The errors by field; empty when the configuration is valid.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(AutomationProjectConfig? config, string workspaceRoot, AutoRepairOptions options)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        if (config is null)
        {
            Add("body", "a configuration is required");
            return Freeze(errors);
        }

        if (string.IsNullOrWhiteSpace(config.ProjectPath))
        {
            Add("projectPath", "is required");
        }
        else
        {
            try
            {
                WorkspacePathGuard.ResolveWorkingDirectory(workspaceRoot, config.ProjectPath);
            }
            catch (ArgumentException ex)
            {
                Add("projectPath", ex.Message.Replace("workingDirectory", "projectPath", StringComparison.Ordinal));
            }
        }

        if (config.ConfidenceThreshold is < 0 or > 1 or double.NaN)
        {
            Add("confidenceThreshold", "must be from 0 to 1");
        }

        if (config.MaxConcurrentRepairs is < 1 or > MaxConcurrentRepairsLimit)
        {
            Add("maxConcurrentRepairs", $"must be from 1 to {MaxConcurrentRepairsLimit}");
        }

        if (config.CoolDownMinutes is < 0 or > 7 * 24 * 60)
        {
            Add("coolDownMinutes", "must be from 0 to 10080 (a week)");
        }

        if (config.Monitors is not { Count: > 0 and <= MaxMonitors })
        {
            Add("monitors", $"must list from 1 to {MaxMonitors} monitors");
            return Freeze(errors);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < config.Monitors.Count; i++)
        {
            var field = $"monitors[{i}]";
            if (config.Monitors[i] is not { } monitor)
            {
                Add(field, "is null");
                continue;
            }

            if (monitor.Name is null || !MonitorNamePattern().IsMatch(monitor.Name))
            {
                Add($"{field}.name", "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            }
            else if (!names.Add(monitor.Name))
            {
                Add($"{field}.name", $"'{monitor.Name}' is used by an earlier monitor");
            }

            if (monitor.Output == MonitorOutput.Journeys)
            {
                ValidateJourneyMonitor(monitor, field, Add);
            }
            else
            {
                ValidateCommand(monitor.Command, $"{field}.command", Add);
            }

            if (monitor.RerunCommand is not null && monitor.Output != MonitorOutput.Journeys)
            {
                ValidateCommand(monitor.RerunCommand, $"{field}.rerunCommand", Add);
                if (!monitor.RerunCommand.Any(a => a?.Contains(TestPlaceholder, StringComparison.Ordinal) == true))
                {
                    Add($"{field}.rerunCommand", $"must contain {TestPlaceholder} where the failed test's id goes");
                }
            }

            if (!Enum.IsDefined(monitor.Output))
            {
                Add($"{field}.output", "is not a known output");
            }
            else if (monitor.Output != MonitorOutput.Diagnostics && string.IsNullOrWhiteSpace(monitor.ResultFile))
            {
                Add($"{field}.resultFile", $"is required: the {monitor.Output} report the command writes, relative to the project");
            }
            else if (monitor.ResultFile is { } resultFile && (Path.IsPathRooted(resultFile) || resultFile.Contains('\0', StringComparison.Ordinal)))
            {
                Add($"{field}.resultFile", "must be a path relative to the project");
            }

            if (!Enum.IsDefined(monitor.Kind))
            {
                Add($"{field}.kind", "is not a known kind");
            }

            if (monitor.IntervalSeconds < options.MinMonitorInterval.TotalSeconds || monitor.IntervalSeconds > 7 * 24 * 3600)
            {
                Add($"{field}.intervalSeconds", $"must be from {options.MinMonitorInterval.TotalSeconds} to 604800");
            }

            if (monitor.TimeoutSeconds < 1 || monitor.TimeoutSeconds > options.MaxMonitorTimeout.TotalSeconds)
            {
                Add($"{field}.timeoutSeconds", $"must be from 1 to {options.MaxMonitorTimeout.TotalSeconds}");
            }
        }

        return Freeze(errors);
    }

    private static void ValidateJourneyMonitor(MonitorDefinition monitor, string field, Action<string, string> add)
    {
        if (monitor.Command is not [var adapter] || !JourneyAdapters.Contains(adapter, StringComparer.Ordinal))
        {
            add($"{field}.command", $"must name the journey adapter: [\"{string.Join("\"] or [\"", JourneyAdapters)}\"]");
        }

        if (monitor.RerunCommand is not null)
        {
            add($"{field}.rerunCommand", "must be absent: a journeys monitor re-runs the failed journey by name");
        }

        if (monitor.BaseUrl is not null && !(Uri.TryCreate(monitor.BaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            add($"{field}.baseUrl", $"must be an absolute http or https URL, not '{monitor.BaseUrl}'");
        }
    }

    private static void ValidateCommand(IReadOnlyList<string>? command, string field, Action<string, string> add)
    {
        if (command is not { Count: > 0 and <= MaxArguments } || string.IsNullOrWhiteSpace(command[0]))
        {
            add(field, $"must be a list of 1 to {MaxArguments} items, the program first");
            return;
        }

        for (var i = 0; i < command.Count; i++)
        {
            if (command[i] is null || command[i].Contains('\0', StringComparison.Ordinal))
            {
                add($"{field}[{i}]", "must be a string without NUL characters");
            }
        }
    }

    private static Dictionary<string, string[]> Freeze(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectIdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex MonitorNamePattern();
}
