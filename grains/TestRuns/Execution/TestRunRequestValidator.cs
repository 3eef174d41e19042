using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns.Execution;

/// <summary>
/// Checks a run request before anything is stored: labels, limits, the adapter's name, what command adapters need,
/// and that the working directory lies under the workspace root. Each problem is an <see cref="ArgumentException"/>
/// whose parameter name is the field's JSON path (<c>suite.workingDirectory</c>).
/// </summary>
public static class TestRunRequestValidator
{
    private const int MaxLabelLength = 256;
    private const int MaxCommandItems = 1000;
    private const int MaxTextLength = 32 * 1024;

    private static readonly HashSet<string> ResultFileAdapters = new(StringComparer.Ordinal) { JUnitCommandAdapter.AdapterName, PlaywrightJsonCommandAdapter.AdapterName };

    public static void Validate(TestRunStartRequest request, TestExecutionOptions options, TestAdapterRegistry adapters)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(adapters);
        if (request is null)
        {
            throw new ArgumentException("the request is empty", "body");
        }

        var suite = request.Suite ?? throw new ArgumentException("suite is required", "suite");
        Label(suite.Name, "suite.name", required: true);
        Label(request.Branch, "branch", required: false);
        Label(request.Commit, "commit", required: false);
        Label(request.Environment, "environment", required: false);
        if (string.IsNullOrWhiteSpace(suite.Adapter) || !adapters.Contains(suite.Adapter))
        {
            throw new ArgumentException($"adapter '{suite.Adapter}' is not registered; known adapters: {string.Join(", ", adapters.Names)}", "suite.adapter");
        }

        if (request.Shards < 1 || request.Shards > options.MaxShards)
        {
            throw new ArgumentException($"shards must be from 1 to {options.MaxShards}, not {request.Shards}", "shards");
        }

        if (request.RetriesPerTest < 0 || request.RetriesPerTest > options.MaxRetriesPerTest)
        {
            throw new ArgumentException($"retriesPerTest must be from 0 to {options.MaxRetriesPerTest}, not {request.RetriesPerTest}", "retriesPerTest");
        }

        if (suite.TimeoutSeconds is { } seconds && (seconds < 1 || seconds > options.MaxTimeout.TotalSeconds))
        {
            throw new ArgumentException($"timeoutSeconds must be from 1 to {options.MaxTimeout.TotalSeconds:0}, not {seconds}", "suite.timeoutSeconds");
        }

        if (suite.Command is { } command)
        {
            if (command.Count > MaxCommandItems)
            {
                throw new ArgumentException($"command has {command.Count} items, more than {MaxCommandItems}", "suite.command");
            }

            for (var i = 0; i < command.Count; i++)
            {
                if (command[i] is null || command[i].Contains('\0', StringComparison.Ordinal) || command[i].Length > MaxTextLength)
                {
                    throw new ArgumentException($"command[{i}] must be text without NUL characters, at most {MaxTextLength} characters", $"suite.command[{i}]");
                }
            }
        }

        foreach (var (name, value) in suite.Environment ?? new Dictionary<string, string>())
        {
            if (name.Length is 0 or > MaxLabelLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || value is null || value.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"environment variable '{name}' must be named with letters, digits and '_' and have a value without NUL characters", $"suite.environment.{name}");
            }
        }

        if (ResultFileAdapters.Contains(suite.Adapter))
        {
            if (suite.Command is not { Count: > 0 } || string.IsNullOrWhiteSpace(suite.Command[0]))
            {
                throw new ArgumentException($"the {suite.Adapter} adapter needs 'command': the program and then one item per argument", "suite.command");
            }

            if (string.IsNullOrWhiteSpace(suite.ResultFile))
            {
                throw new ArgumentException($"the {suite.Adapter} adapter needs 'resultFile': the file the command writes, relative to the working directory", "suite.resultFile");
            }
        }

        if (suite.WorkingDirectory is not null || ResultFileAdapters.Contains(suite.Adapter) || suite.Adapter == DotnetTestAdapter.AdapterName)
        {
            var directory = Rename(() => WorkspacePathGuard.ResolveWorkingDirectory(options.WorkspaceRoot, suite.WorkingDirectory), "suite.workingDirectory");
            if (suite.ResultFile is { Length: > 0 } resultFile)
            {
                Rename(() => WorkspacePathGuard.ResolveFile(options.WorkspaceRoot, directory, resultFile, "resultFile"), "suite.resultFile");
            }
        }
    }

    private static void Label(string? value, string field, bool required)
    {
        if ((required && string.IsNullOrWhiteSpace(value)) || (value is not null && (value.Length > MaxLabelLength || value.Any(char.IsControl))))
        {
            throw new ArgumentException($"{field} must be {(required ? "given, " : string.Empty)}at most {MaxLabelLength} characters, without control characters", field);
        }
    }

    /// <summary>The exception's message without the " (Parameter 'name')" that <see cref="ArgumentException"/> appends.</summary>
    public static string MessageOf(ArgumentException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var suffix = exception.ParamName is { } name ? $" (Parameter '{name}')" : null;
        return suffix is not null && exception.Message.EndsWith(suffix, StringComparison.Ordinal) ? exception.Message[..^suffix.Length] : exception.Message;
    }

    /// <summary>Runs a path check and gives its error the request's field name.</summary>
    private static string Rename(Func<string> check, string field)
    {
        try
        {
            return check();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException(MessageOf(ex), field, ex);
        }
    }
}
