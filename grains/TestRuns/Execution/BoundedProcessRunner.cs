using System.ComponentModel;
using System.Diagnostics;

namespace Maestro.Grains.TestRuns.Execution;

/// <summary>
/// Runs a command directly (<see cref="ProcessStartInfo.ArgumentList"/>; no shell ever parses an argument) in a folder
/// under the workspace root, with a timeout and cancellation that kill the whole process tree, and its output capped
/// into a log file.
/// </summary>
public sealed class BoundedProcessRunner(IOptions<TestExecutionOptions> options)
{
    // Output pipes can outlive the process when something it started escaped the tree and kept them open.
    private static readonly TimeSpan DrainAfterExit = TimeSpan.FromSeconds(5);

    private readonly TestExecutionOptions settings = options.Value;

    /// <exception cref="ArgumentException">The command is empty, an environment name is invalid, or the working directory is outside the root.</exception>
    /// <exception cref="CommandStartException">The program could not be started (not found, not executable).</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the process tree was killed first.</exception>
    public async Task<ProcessRunResult> RunAsync(ProcessRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Command is not { Count: > 0 } || string.IsNullOrWhiteSpace(request.Command[0]))
        {
            throw new ArgumentException("command must name a program", "command");
        }

        if (request.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Timeout, "the timeout must be positive");
        }

        var workingDirectory = WorkspacePathGuard.ResolveWorkingDirectory(settings.WorkspaceRoot, request.WorkingDirectory);
        var start = new ProcessStartInfo(request.Command[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in request.Command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in request.Environment)
        {
            if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal) || value.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"environment variable '{name}' is invalid: names are non-empty without '=' and neither holds a NUL", "environment");
            }

            start.Environment[name] = value;
        }

        await using var log = new CappedLogWriter(request.LogPath, settings.MaxLogBytes);
        using var process = new Process { StartInfo = start };
        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new CommandStartException($"cannot start '{request.Command[0]}' in '{workingDirectory}': {ex.Message}", ex);
        }

        process.StandardInput.Close();
        using var drain = new CancellationTokenSource();
        var copies = Task.WhenAll(
            log.CopyAsync(process.StandardOutput.BaseStream, drain.Token),
            log.CopyAsync(process.StandardError.BaseStream, drain.Token));
        using var timeout = new CancellationTokenSource(request.Timeout);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(either.Token);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            if (cancellationToken.IsCancellationRequested)
            {
                await drain.CancelAsync();
                await Task.WhenAny(copies);
                throw;
            }

            timedOut = true;
        }

        var duration = clock.Elapsed;
        if (await Task.WhenAny(copies, Task.Delay(DrainAfterExit, CancellationToken.None)) != copies)
        {
            await drain.CancelAsync();
        }

        try
        {
            await copies;
        }
        catch (OperationCanceledException)
        {
            // Stopped waiting for pipes that something outside the tree still holds; what arrived is in the log.
        }

        return new ProcessRunResult(
            timedOut ? null : process.ExitCode,
            timedOut,
            duration,
            workingDirectory,
            request.LogPath,
            log.Written + log.Dropped,
            log.Dropped,
            log.Tail());
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
            // It exited between the timeout and the kill: nothing left to stop.
        }
    }
}
