using System.Globalization;

namespace Maestro.Silo.Tests.Cluster;

/// <summary><c>deploy/cluster.sh</c>: usage errors, and a whole start, status and stop of a two-silo cluster in a private folder.</summary>
public sealed class ClusterScriptTests : IDisposable
{
    private static readonly TimeSpan ScriptPatience = TimeSpan.FromMinutes(4);

    private readonly TempDirectory directory = new();

    [Fact]
    public async Task Help_prints_usage_and_exits_0()
    {
        var (exitCode, output, _) = await RunAsync(new Dictionary<string, string>(), "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage: deploy/cluster.sh start N | stop | status", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("start", "0")]
    [InlineData("start", "x;rm")]
    [InlineData("start", "21")]
    public async Task A_bad_silo_count_is_one_error_line_and_exit_code_2(string command, string count)
    {
        var (exitCode, _, error) = await RunAsync(new Dictionary<string, string>(), command, count);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("cluster.sh: error: start needs a number of silos from 1 to 20", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.Combine("data")), "A refused start must not create anything.");
    }

    [Fact]
    public async Task Start_2_then_status_then_stop_leaves_no_process_running()
    {
        // Two silos take two HTTP ports and two silo ports from their bases, plus PostgreSQL: five free in a row.
        var ports = FreePort.NextRange(5);
        var environment = new Dictionary<string, string>
        {
            ["MAESTRO_CLUSTER_HTTP_PORT"] = ports.ToString(CultureInfo.InvariantCulture),
            ["MAESTRO_CLUSTER_SILO_PORT"] = (ports + 2).ToString(CultureInfo.InvariantCulture),
            ["MAESTRO_CLUSTER_PG_PORT"] = (ports + 4).ToString(CultureInfo.InvariantCulture),
        };
        var pids = new List<int>();
        try
        {
            var (started, startOutput, startError) = await RunAsync(environment, "start", "2");
            pids.AddRange(ReadPids());
            Assert.True(started == 0, $"start exited {started}:{Environment.NewLine}{startOutput}{startError}");
            Assert.Equal(3, pids.Count);

            var (statusCode, status, _) = await RunAsync(environment, "status");
            Assert.Equal(0, statusCode);
            Assert.Contains("PostgreSQL: running", status, StringComparison.Ordinal);
            Assert.Equal(2, status.Split('\n').Count(l => l.Contains("running, PID", StringComparison.Ordinal) && l.Contains("\"status\":\"Active\"", StringComparison.Ordinal)));
            Assert.DoesNotContain(await File.ReadAllTextAsync(directory.Combine("data", "cluster", "cluster-secret"), TestContext.Current.CancellationToken), status + startOutput, StringComparison.Ordinal);

            var (stopped, stopOutput, stopError) = await RunAsync(environment, "stop");
            Assert.True(stopped == 0, $"stop exited {stopped}:{Environment.NewLine}{stopOutput}{stopError}");
            Assert.All(pids, pid => Assert.False(IsAlive(pid), $"PID {pid} still runs after stop."));
            Assert.Empty(Directory.GetFiles(directory.Combine("data", "cluster"), "silo*.pid"));
        }
        finally
        {
            foreach (var pid in pids.Where(IsAlive))
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
        }
    }

    public void Dispose() => directory.Dispose();

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            // No process with that id.
            return false;
        }
    }

    /// <summary>The silo PIDs from their PID files and the postmaster's from postmaster.pid, whatever exists.</summary>
    private IEnumerable<int> ReadPids()
    {
        var root = directory.Combine("data", "cluster");
        var files = Directory.Exists(root) ? Directory.GetFiles(root, "silo*.pid").ToList() : [];
        var postmaster = Path.Combine(root, "pg", "postmaster.pid");
        if (File.Exists(postmaster))
        {
            files.Add(postmaster);
        }

        return files.Select(f => int.Parse(File.ReadLines(f).First(), CultureInfo.InvariantCulture));
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory.Path,
        };
        start.ArgumentList.Add(Path.Combine(SiloPaths.RepositoryRoot, "deploy", "cluster.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(ScriptPatience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
