using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Maestro.Grains.Workflows;

/// <summary>
/// Starts the command directly with <see cref="ProcessStartInfo.ArgumentList"/>: no shell ever parses an argument, so
/// expression values cannot inject commands. A non-zero exit code fails the attempt. On timeout or cancellation the
/// whole process tree is killed. Outputs: <c>exitCode</c>, <c>stdout</c>, <c>stderr</c>, and one output per stdout
/// line of the form <c>::output NAME=VALUE</c>.
/// </summary>
public sealed class ProcessStepExecutor : IStepExecutor
{
    private const string OutputPrefix = "::output ";

    public StepKind Kind => StepKind.Process;

    public async Task<IReadOnlyDictionary<string, string>> ExecuteAsync(StepInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var spec = (ProcessStepSpec)invocation.Step.Spec;
        var scope = invocation.Scope;
        var start = new ProcessStartInfo(scope.Render(spec.Command.Value))
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in spec.Args)
        {
            start.ArgumentList.Add(scope.Render(argument.Value));
        }

        if (spec.WorkingDirectory is { } directory)
        {
            start.WorkingDirectory = scope.Render(directory.Value);
        }

        foreach (var (name, value) in spec.Env)
        {
            start.Environment[name] = scope.Render(value.Value);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new StepFailedException($"cannot start '{start.FileName}': {ex.Message}", ex);
        }

        process.StandardInput.Close();
        var stdout = BoundedText.ReadAsync(process.StandardOutput, BoundedText.DefaultLimit, CancellationToken.None);
        var stderr = BoundedText.ReadAsync(process.StandardError, BoundedText.DefaultLimit, CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            throw;
        }

        var output = await stdout;
        var error = await stderr;
        if (process.ExitCode != 0)
        {
            var tail = error.Length > 2000 ? error[^2000..] : error;
            throw new StepFailedException($"'{start.FileName}' exited with code {process.ExitCode}: {tail.Trim()}");
        }

        var outputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["exitCode"] = process.ExitCode.ToString(CultureInfo.InvariantCulture),
            ["stdout"] = output.TrimEnd(),
            ["stderr"] = error.TrimEnd(),
        };
        foreach (var line in output.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (trimmed.StartsWith(OutputPrefix, StringComparison.Ordinal) && equals > OutputPrefix.Length)
            {
                outputs[trimmed[OutputPrefix.Length..equals].Trim()] = trimmed[(equals + 1)..];
            }
        }

        return outputs;
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // It exited between the cancellation and the kill: nothing left to stop.
        }
    }
}
