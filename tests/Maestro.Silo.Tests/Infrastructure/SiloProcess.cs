using System.Globalization;
using System.Text;

namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>
/// The real silo as a separate OS process (<c>dotnet Maestro.Silo.dll ...</c>, no shell), or the REST gateway
/// (<c>dotnet Maestro.Gateway.dll ...</c>, <see cref="StartGateway"/>), with its standard output and error captured.
/// Disposing kills it, by its process id, if it is still running.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>The bound on every wait: generous, only there so a broken silo fails the test instead of hanging it.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const int SigIntBit = 1 << (2 - 1);

    private readonly Process process;
    private readonly Lock gate = new();
    private readonly StringBuilder standardOutput = new();
    private readonly StringBuilder standardError = new();

    private readonly string role;

    private SiloProcess(string assembly, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var isSilo = assembly == SiloPaths.SiloAssembly;
        role = isSilo ? "silo" : "gateway";
        var start = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };

        // A test process started as a background job inherits SIGINT ignored, and so would the silo: reset it to the
        // default, as a terminal's foreground process has it, so Ctrl+C (kill -INT) reaches the silo's handler.
        if (IsSigIntIgnored() && File.Exists("/usr/bin/env"))
        {
            start.FileName = "/usr/bin/env";
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add(SiloPaths.DotNetHost);
        }
        else
        {
            start.FileName = SiloPaths.DotNetHost;
        }

        start.ArgumentList.Add(assembly);

        // Every silo opens a gateway (default port 30000): tests run silos side by side, so each gets a free port of
        // its own unless the test chooses one. First, so a test's trailing "--option" without a value stays last.
        var argumentList = arguments.ToList();
        if (isSilo && !argumentList.Any(a => a.StartsWith("--gateway-port", StringComparison.Ordinal)))
        {
            start.ArgumentList.Add("--gateway-port");
            start.ArgumentList.Add(FreePort.Next().ToString(CultureInfo.InvariantCulture));
        }

        foreach (var argument in argumentList)
        {
            start.ArgumentList.Add(argument);
        }

        // The test's own environment must not configure the process under test.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Maestro__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(standardOutput, e.Data);
        process.ErrorDataReceived += (_, e) => Append(standardError, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public string StandardOutput
    {
        get
        {
            lock (gate)
            {
                return standardOutput.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (gate)
            {
                return standardError.ToString();
            }
        }
    }

    public static SiloProcess Start(string workingDirectory, params string[] arguments) => new(SiloPaths.SiloAssembly, arguments, workingDirectory);

    /// <summary>Starts the silo with <paramref name="environment"/> added to its environment (e.g. <c>Maestro__ClusterSecret</c>).</summary>
    public static SiloProcess StartWithEnvironment(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        new(SiloPaths.SiloAssembly, arguments, workingDirectory, environment);

    /// <summary>Starts the REST gateway process (client-api/Maestro.Gateway) with <paramref name="environment"/> added to its environment.</summary>
    public static SiloProcess StartGateway(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        new(SiloPaths.GatewayAssembly, arguments, workingDirectory, environment);

    /// <summary>Waits for the process to exit and returns its exit code; fails with its output if it does not.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The {role} (pid {Id}) did not exit within {Patience}.{Describe()}");
        }

        return process.ExitCode;
    }

    /// <summary>Polls <c>GET /health</c> until it answers 200; fails early with the output if the silo exits.</summary>
    public async Task WaitUntilHealthyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The {role} exited with code {process.ExitCode} before it was healthy.{Describe()}");
            }

            try
            {
                using var response = await http.GetAsync("/health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        throw new TimeoutException($"The {role} (pid {Id}) was not healthy within {Patience}.{Describe()}");
    }

    /// <summary>Sends a signal by process id with the <c>kill</c> command, as Ctrl+C (INT) or a service manager (TERM) would.</summary>
    public async Task SignalAsync(string signal, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("kill") { UseShellExecute = false };
        start.ArgumentList.Add($"-{signal}");
        start.ArgumentList.Add(Id.ToString(CultureInfo.InvariantCulture));
        using var kill = Process.Start(start) ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync(cancellationToken);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {Id} exited with code {kill.ExitCode}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(Patience);
                await process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or the kill did not finish in time: nothing more a test can do.
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>Whether this process ignores SIGINT (Linux: bit 2 of SigIgn in /proc/self/status).</summary>
    private static bool IsSigIntIgnored()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return false;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var ignored)
            && (ignored & SigIntBit) != 0;
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            target.AppendLine(line);
        }
    }

    private string Describe() => $"{Environment.NewLine}stdout:{Environment.NewLine}{StandardOutput}stderr:{Environment.NewLine}{StandardError}";
}
