using Maestro.Grains.TestRuns.Execution;
using Microsoft.Extensions.Options;

namespace Maestro.Grains.Tests.TestRuns.Execution;

/// <summary>The process runner with real processes: argument lists, the workspace root, timeouts that kill the tree, capped logs.</summary>
public sealed class BoundedProcessRunnerTests : IDisposable
{
    private readonly ExecutionWorkspace workspace = new();
    private readonly TestExecutionOptions options = new();
    private readonly BoundedProcessRunner runner;

    public BoundedProcessRunnerTests()
    {
        workspace.Configure(options);
        runner = new BoundedProcessRunner(Options.Create(options));
    }

    [Fact]
    public async Task Arguments_reach_the_program_as_given_with_no_shell_in_between()
    {
        workspace.Write("echo.py", Scripts.EchoArguments);
        var marker = Path.Combine(workspace.Outside, "injected");
        var hostile = $"$(touch {marker}); `touch {marker}` && touch {marker}";

        var result = await Run(["python3", "echo.py", hostile, "two words"], null, TimeSpan.FromMinutes(1));

        Assert.Equal(0, result.ExitCode);
        var log = await File.ReadAllLinesAsync(result.LogPath, TestContext.Current.CancellationToken);
        Assert.Equal([$"arg:{hostile}", "arg:two words"], log);
        Assert.False(File.Exists(marker), "A shell interpreted an argument.");
    }

    [Fact]
    public async Task A_timeout_kills_the_whole_process_tree()
    {
        workspace.Write("tree.py", Scripts.SleepingTree);
        var pidFile = Path.Combine(workspace.Root, "child.pid");

        var result = await Run(["python3", "tree.py", pidFile], null, TimeSpan.FromSeconds(3));

        Assert.True(result.TimedOut);
        Assert.Null(result.ExitCode);
        var child = int.Parse(await File.ReadAllTextAsync(pidFile, TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        await Eventually.WaitForAsync(() => Task.FromResult(LinuxProcesses.IsRunning(child)), running => !running, $"the child process {child} to be gone");
    }

    [Fact]
    public async Task Output_beyond_the_cap_is_counted_and_not_kept()
    {
        options.MaxLogBytes = 64 * 1024;
        workspace.Write("chatty.py", Scripts.Chatty);

        var result = await Run(["python3", "chatty.py", (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)], null, TimeSpan.FromMinutes(1));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1024 * 1024, result.OutputBytes);
        Assert.Equal((1024 * 1024) - (64 * 1024), result.DroppedBytes);
        var log = await File.ReadAllTextAsync(result.LogPath, TestContext.Current.CancellationToken);
        Assert.StartsWith(new string('x', 1023) + "\n", log, StringComparison.Ordinal);
        Assert.EndsWith($"[maestro: {result.DroppedBytes} more bytes of output were dropped; the log keeps the first {64 * 1024}]\n", log, StringComparison.Ordinal);
        Assert.True(log.Length < (64 * 1024) + 200);
    }

    [Fact]
    public async Task A_working_directory_outside_the_root_is_refused_and_nothing_runs()
    {
        var marker = Path.Combine(workspace.Outside, "ran");
        Directory.CreateDirectory(Path.Combine(workspace.Root, "project"));
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "project", "escape"), workspace.Outside);
        string[] command = ["/usr/bin/touch", marker];

        foreach (var directory in new[] { "..", "project/../../outside", workspace.Outside, "project/escape", "/etc" })
        {
            var refused = await Assert.ThrowsAsync<ArgumentException>(() => Run(command, directory, TimeSpan.FromMinutes(1)));
            Assert.Contains("outside the workspace root", refused.Message, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(marker), "A command ran outside the workspace root.");
        var inside = await Run(command, "project", TimeSpan.FromMinutes(1));
        Assert.Equal(0, inside.ExitCode);
        Assert.Equal(WorkspacePathGuard.RealPath(Path.Combine(workspace.Root, "project")), inside.WorkingDirectory);
    }

    [Fact]
    public async Task A_program_that_does_not_exist_is_a_start_error_naming_it()
    {
        var error = await Assert.ThrowsAsync<CommandStartException>(() => Run(["/no/such/program"], null, TimeSpan.FromMinutes(1)));

        Assert.Contains("/no/such/program", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => workspace.Dispose();

    private Task<ProcessRunResult> Run(string[] command, string? directory, TimeSpan timeout) =>
        runner.RunAsync(
            new ProcessRunRequest(command, directory, new Dictionary<string, string>(), timeout, Path.Combine(workspace.Artifacts, $"{Guid.NewGuid():N}.log")),
            TestContext.Current.CancellationToken);
}
