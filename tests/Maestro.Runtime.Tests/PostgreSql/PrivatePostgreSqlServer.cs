using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Npgsql;

namespace Maestro.Runtime.Tests.PostgreSql;

/// <summary>
/// A throw-away PostgreSQL server for tests: a new cluster (initdb) in a temporary folder, listening on 127.0.0.1 at a
/// free port and on a Unix socket inside that folder, with fsync on so a restart test is about real durability, and a
/// random password. It can be stopped (as a crash: <c>pg_ctl stop -m immediate</c>) and started again on the same
/// port and data. Dispose stops it and deletes the folder. Server binaries come from <c>MAESTRO_PG_BIN</c> or the
/// highest <c>/usr/lib/postgresql/*/bin</c>; as root the server runs as the <c>postgres</c> user, since initdb and
/// postgres refuse to run as root. A watchdog process removes the server if the test process dies without disposing it.
/// </summary>
public sealed partial class PrivatePostgreSqlServer : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string binDirectory;
    private readonly string root;
    private readonly string dataDirectory;
    private readonly string password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private readonly bool runAsPostgresUser = Environment.UserName == "root";
    private Process? watchdog;
    private int? postmasterPid;
    private bool disposed;

    private PrivatePostgreSqlServer(string binDirectory, string root)
    {
        this.binDirectory = binDirectory;
        this.root = root;
        dataDirectory = Path.Combine(root, "data");
    }

    /// <summary>The TCP port on 127.0.0.1; it stays the same across <see cref="StopAsync"/> and <see cref="StartAsync()"/>.</summary>
    public int Port { get; private set; }

    public bool IsRunning => postmasterPid is not null;

    /// <summary>Creates and starts a new server. Throws, naming what is missing, when the binaries cannot be found.</summary>
    public static async Task<PrivatePostgreSqlServer> StartNewAsync()
    {
        var binDirectory = FindBinDirectory();
        var root = Path.Combine(Path.GetTempPath(), $"maestro-pg-{Guid.NewGuid():N}");
        if (!SafePath().IsMatch(root))
        {
            // The folder ends up inside pg_ctl's -o string, which a shell splits.
            throw new InvalidOperationException($"The temporary folder {root} has characters a PostgreSQL option string cannot carry; set TMPDIR to a plain path.");
        }

        var server = new PrivatePostgreSqlServer(binDirectory, root);
        try
        {
            await server.InitializeClusterAsync();
            await server.StartOnFreePortAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>A connection string for <paramref name="database"/> as the superuser, over TCP.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = SuperUser,
        Password = password,

        // Many providers (one per simulated silo) share this server; a small pool each keeps the total under max_connections.
        MaxPoolSize = 20,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Creates an empty database with a unique name starting with <paramref name="prefix"/> and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        if (!DatabasePrefix().IsMatch(prefix))
        {
            throw new ArgumentException($"'{prefix}' is not a plain lower-case identifier.", nameof(prefix));
        }

        var database = $"{prefix}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();

        // An identifier cannot be a parameter; the name is made of the checked prefix and a Guid.
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(database);
    }

    /// <summary>Stops the server at once, as a crash would (<c>pg_ctl stop -m immediate</c>); the next start runs crash recovery.</summary>
    public async Task StopAsync()
    {
        if (postmasterPid is not { } pid)
        {
            return;
        }

        try
        {
            await PgCtlAsync("stop", "-D", dataDirectory, "-m", "immediate", "-w", "-t", "30");
        }
        catch (Exception stopFailure) when (stopFailure is InvalidOperationException or TimeoutException)
        {
            await KillAsync(pid);
            postmasterPid = null;
            throw new InvalidOperationException($"pg_ctl could not stop the test server, so it was killed (PID {pid}).", stopFailure);
        }

        postmasterPid = null;
    }

    /// <summary>Starts the stopped server again on the same port and data, and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (postmasterPid is not null)
        {
            throw new InvalidOperationException("The test server is already running.");
        }

        await PgCtlStartAsync();
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;

        // The watchdog goes first, so it cannot race this clean-up; it is ours, stopped by its PID.
        if (watchdog is not null)
        {
            watchdog.Kill();
            await watchdog.WaitForExitAsync();
            watchdog.Dispose();
        }

        try
        {
            await StopAsync();
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("MAESTRO_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, "initdb"))
                ? configured
                : throw new InvalidOperationException($"MAESTRO_PG_BIN is {configured}, which has no initdb.");
        }

        // Debian installs each major version side by side: /usr/lib/postgresql/15/bin, /usr/lib/postgresql/16/bin, ...
        const string parent = "/usr/lib/postgresql";
        var found = Directory.Exists(parent)
            ? Directory.GetDirectories(parent)
                .Select(d => (Directory: Path.Combine(d, "bin"), Version: decimal.TryParse(Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(c => c.Version >= 0 && File.Exists(Path.Combine(c.Directory, "initdb")))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Directory)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL server binaries were not found in /usr/lib/postgresql/*/bin. Run ./test.sh (it installs the 'postgresql' package) or set MAESTRO_PG_BIN to the folder that holds initdb and pg_ctl.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task KillAsync(int pid)
    {
        using var process = TryGetProcess(pid);
        if (process is null)
        {
            return;
        }

        // The postmaster is not our child (pg_ctl started it), so wait by polling; its backends exit once it is gone.
        process.Kill();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!process.HasExited)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The test server (PID {pid}) survived SIGKILL for 30 s.");
            }

            await Task.Delay(50);
            process.Refresh();
        }
    }

    private static Process? TryGetProcess(int pid)
    {
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            // No such process: it is already gone.
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9/_.-]+$")]
    private static partial Regex SafePath();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex DatabasePrefix();

    private async Task InitializeClusterAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The private PostgreSQL test server runs on Linux only (Debian's server packages).");
        }

        Directory.CreateDirectory(root);
        var passwordFile = Path.Combine(root, "password");
        await File.WriteAllTextAsync(passwordFile, password);
        if (runAsPostgresUser)
        {
            await RunAsync("chown", ["-R", SuperUser, root], asServerUser: false);
        }

        File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // --no-sync only skips flushing initdb's own files: a test cluster that dies during initdb is simply rebuilt.
        await RunAsync(
            Path.Combine(binDirectory, "initdb"),
            ["-D", dataDirectory, "--username", SuperUser, "--pwfile", passwordFile, "--auth", "scram-sha-256", "--encoding", "UTF8", "--locale", "C", "--no-sync", "--no-instructions"]);
        File.Delete(passwordFile);
        StartWatchdog();
    }

    private async Task StartOnFreePortAsync()
    {
        // Another process can take the free port before the server binds it; a new port then fixes it.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            try
            {
                await PgCtlStartAsync();
                return;
            }
            catch (InvalidOperationException ex) when (attempt < 3 && ServerLog().Contains("could not bind", StringComparison.Ordinal))
            {
                // Not xunit's diagnostics: the bench and the silo tests compile this file too.
                Trace.TraceInformation($"Port {Port} was taken before the test server bound it; trying another. {ex.Message}");
            }
        }
    }

    private async Task PgCtlStartAsync()
    {
        var serverOptions = string.Join(
            ' ',
            "-c listen_addresses=127.0.0.1",
            $"-p {Port}",
            $"-c unix_socket_directories={root}",
            "-c fsync=on",
            "-c max_connections=300");
        await PgCtlAsync("start", "-D", dataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", serverOptions);
        postmasterPid = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

        // pg_ctl -w waits for the server to accept connections; this also proves the password and the TCP listener work.
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
    }

    private Task PgCtlAsync(params string[] arguments) => RunAsync(Path.Combine(binDirectory, "pg_ctl"), arguments);

    private string ServerLog()
    {
        var log = Path.Combine(root, "server.log");
        return File.Exists(log) ? File.ReadAllText(log) : string.Empty;
    }

    /// <summary>
    /// Kills the server and removes its folder if this test process ends without disposing it (a crash, a hang
    /// timeout, Ctrl+C), so aborted runs do not leave servers behind. It polls this process's PID once a second.
    /// </summary>
    private void StartWatchdog()
    {
        const string script =
            """
            exec </dev/null >/dev/null 2>&1
            owner=$1 root=$2 data=$3
            shift 3
            while kill -0 "$owner"; do sleep 1; done
            "$@" stop -D "$data" -m immediate -w -t 30 || { [ -f "$data/postmaster.pid" ] && kill -9 "$(head -n 1 "$data/postmaster.pid")"; }
            rm -rf "$root"
            """;
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-c", script, "watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), root, dataDirectory])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in ServerCommand(Path.Combine(binDirectory, "pg_ctl")))
        {
            start.ArgumentList.Add(argument);
        }

        watchdog = Process.Start(start) ?? throw new InvalidOperationException("The test server's watchdog did not start.");
    }

    /// <summary>The command line that runs <paramref name="executable"/> as the server's user.</summary>
    private IEnumerable<string> ServerCommand(string executable) =>
        runAsPostgresUser ? ["runuser", "-u", SuperUser, "--", executable] : [executable];

    private async Task RunAsync(string executable, IReadOnlyList<string> arguments, bool asServerUser = true)
    {
        var command = (asServerUser ? ServerCommand(executable) : [executable]).Concat(arguments).ToList();
        var start = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,

            // The server's user must be able to enter its working directory; the test's may be private to root.
            WorkingDirectory = root,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', command)} did not finish within {CommandTimeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{string.Join(' ', command)} exited with code {process.ExitCode}:\n{await errors}{await output}\n{ServerLog()}");
        }
    }
}
