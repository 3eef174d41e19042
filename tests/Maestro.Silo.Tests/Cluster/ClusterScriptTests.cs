using System.Globalization;

namespace Maestro.Silo.Tests.Cluster;

/// <summary>
/// <c>deploy/cluster.sh</c>: usage errors, and a whole start, scale from 1 to 3 silos and back, the REST gateway
/// process beside them, status and stop in a private folder.
/// </summary>
public sealed class ClusterScriptTests : IDisposable
{
    private static readonly TimeSpan ScriptPatience = TimeSpan.FromMinutes(4);

    private readonly TempDirectory directory = new();

    [Fact]
    public async Task Help_prints_usage_and_exits_0()
    {
        var (exitCode, output, _) = await RunAsync(new Dictionary<string, string>(), "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage: deploy/cluster.sh start N | scale N | stop | status", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("start", "0")]
    [InlineData("start", "x;rm")]
    [InlineData("start", "21")]
    [InlineData("scale", "0")]
    [InlineData("scale", "3 4")]
    public async Task A_bad_silo_count_is_one_error_line_and_exit_code_2(string command, string count)
    {
        var (exitCode, _, error) = await RunAsync(new Dictionary<string, string>(), command, count);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"cluster.sh: error: {command} needs a number of silos from 1 to 20", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.Combine("data")), "A refused start must not create anything.");
    }

    [Fact]
    public async Task Start_1_then_scale_to_3_and_back_to_1_then_a_gateway_then_stop_leaves_no_process_running()
    {
        // Three silos take three HTTP ports, three silo ports and three gateway ports from their bases, plus
        // PostgreSQL and the REST gateway: eleven free in a row.
        var ports = FreePort.NextRange(11);
        var environment = new Dictionary<string, string>
        {
            ["MAESTRO_CLUSTER_HTTP_PORT"] = ports.ToString(CultureInfo.InvariantCulture),
            ["MAESTRO_CLUSTER_SILO_PORT"] = (ports + 3).ToString(CultureInfo.InvariantCulture),
            ["MAESTRO_CLUSTER_GATEWAY_PORT"] = (ports + 6).ToString(CultureInfo.InvariantCulture),
            ["MAESTRO_CLUSTER_PG_PORT"] = (ports + 9).ToString(CultureInfo.InvariantCulture),
            ["MAESTRO_CLUSTER_GATEWAY_HTTP_PORT"] = (ports + 10).ToString(CultureInfo.InvariantCulture),
        };
        var pids = new HashSet<int>();
        try
        {
            await RunOkAsync(environment, pids, "start", "1");
            Assert.Equal(2, pids.Count);
            Assert.Equal(1, await ActiveSilosInStatusAsync(environment));

            await RunOkAsync(environment, pids, "scale", "3");
            Assert.Equal(4, pids.Count);
            Assert.Equal(3, await ActiveSilosInStatusAsync(environment));

            var (_, status, _) = await RunAsync(environment, "status");
            Assert.DoesNotContain(await File.ReadAllTextAsync(directory.Combine("data", "cluster", "cluster-secret"), TestContext.Current.CancellationToken), status, StringComparison.Ordinal);
            var adminKey = (await File.ReadAllTextAsync(directory.Combine("data", "cluster", "admin-key"), TestContext.Current.CancellationToken)).Trim();
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(directory.Combine("data", "cluster", "admin-key")));
            }

            Assert.DoesNotContain(adminKey, status, StringComparison.Ordinal);
            using (var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports + 2}") })
            {
                // The key works on a silo the scale-up started, too.
                http.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
                using var keys = await http.GetAsync("/api/keys", TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
            }

            var scaledOut = ReadPids().ToHashSet();
            await RunOkAsync(environment, pids, "scale", "1");
            Assert.Equal(2, ReadPids().Count());
            Assert.Equal(2, scaledOut.Except(ReadPids()).Count(pid => !IsAlive(pid)));
            Assert.Equal(1, await ActiveSilosInStatusAsync(environment));

            await RunOkAsync(environment, pids, "gateway", "start");
            Assert.Equal(3, ReadPids().Count());
            using (var gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports + 10}") })
            {
                // The REST gateway process answers with the cluster's keys, through the silo's gateway port.
                gateway.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
                using var keys = await gateway.GetAsync("/api/keys", TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
            }

            var (_, withGateway, _) = await RunAsync(environment, "status");
            Assert.Contains($"REST gateway: running, PID {ReadPids().Except(scaledOut).Single()}, HTTP {ports + 10}; health: {{\"status\":\"Healthy\"", withGateway, StringComparison.Ordinal);

            await RunOkAsync(environment, pids, "stop");
            Assert.All(pids, pid => Assert.False(IsAlive(pid), $"PID {pid} still runs after stop."));
            Assert.Empty(Directory.GetFiles(directory.Combine("data", "cluster"), "*.pid"));
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

    /// <summary>Runs the script, remembers every PID it left (so the test can stop them whatever happens) and requires exit code 0.</summary>
    private async Task RunOkAsync(IReadOnlyDictionary<string, string> environment, HashSet<int> pids, params string[] arguments)
    {
        var (exitCode, output, error) = await RunAsync(environment, arguments);
        pids.UnionWith(ReadPids());
        Assert.True(exitCode == 0, $"{string.Join(' ', arguments)} exited {exitCode}:{Environment.NewLine}{output}{error}");
    }

    /// <summary>
    /// Polls <c>status</c> (bounded) until every running silo reports itself Active and sees as many Active silos as
    /// run, and returns that number: a silo that just joined is seen by the others at their next membership read.
    /// </summary>
    private async Task<int> ActiveSilosInStatusAsync(IReadOnlyDictionary<string, string> environment)
    {
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        while (true)
        {
            var (exitCode, status, _) = await RunAsync(environment, "status");
            Assert.Equal(0, exitCode);
            Assert.Contains("PostgreSQL: running", status, StringComparison.Ordinal);
            var running = status.Split('\n').Where(l => l.StartsWith("silo", StringComparison.Ordinal) && l.Contains("running, PID", StringComparison.Ordinal)).ToList();
            var views = running.Select(line => JsonDocument.Parse(line[(line.IndexOf("health: ", StringComparison.Ordinal) + 8)..]).RootElement.GetProperty("cluster")).ToList();
            if (views.All(v => v.GetProperty("status").GetString() == "Active" && v.GetProperty("activeSilos").GetArrayLength() == running.Count))
            {
                return running.Count;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The silos did not agree on {running.Count} Active silos within {SiloProcess.Patience}:{Environment.NewLine}{status}");
            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The silo and gateway PIDs from their PID files and the postmaster's from postmaster.pid, whatever exists.</summary>
    private IEnumerable<int> ReadPids()
    {
        var root = directory.Combine("data", "cluster");
        var files = Directory.Exists(root) ? Directory.GetFiles(root, "*.pid").ToList() : [];
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
