using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Maestro.Bench.Cluster;

/// <summary>
/// A throw-away PostgreSQL server for the cluster bench, the minimal part of the tests' private server: initdb in a
/// temporary folder (as the postgres user when run as root, since initdb refuses root), listening on 127.0.0.1 only at
/// a free port with a random password; dispose stops it and deletes the folder. Binaries come from MAESTRO_PG_BIN or
/// the highest /usr/lib/postgresql/*/bin (./test.sh installs them).
/// </summary>
internal sealed class BenchPostgreSqlServer : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private readonly string binDirectory;
    private readonly string root;
    private readonly string dataDirectory;
    private readonly string password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private readonly bool runAsPostgresUser = Environment.UserName == "root";
    private bool running;

    private BenchPostgreSqlServer(string binDirectory, string root)
    {
        this.binDirectory = binDirectory;
        this.root = root;
        dataDirectory = Path.Combine(root, "data");
    }

    public int Port { get; private set; }

    public static async Task<BenchPostgreSqlServer> StartNewAsync()
    {
        var server = new BenchPostgreSqlServer(FindBinDirectory(), Path.Combine(Path.GetTempPath(), $"maestro-bench-pg-{Guid.NewGuid():N}"));
        try
        {
            await server.InitializeAsync();
            await server.StartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = SuperUser,
        Password = password,
        MaxPoolSize = 20,
    }.ConnectionString;

    /// <summary>Creates the database <paramref name="name"/> (a plain identifier chosen by the bench) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();

        // An identifier cannot be a parameter; the name is the bench's own constant.
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (running)
            {
                running = false;
                await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", "30"]);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
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
            return configured;
        }

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
            "PostgreSQL server binaries were not found in /usr/lib/postgresql/*/bin. Run ./test.sh once (it installs them) or set MAESTRO_PG_BIN.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task InitializeAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The cluster bench's private PostgreSQL server runs on Linux only (Debian's server packages).");
        }

        Directory.CreateDirectory(root);
        var passwordFile = Path.Combine(root, "password");
        await File.WriteAllTextAsync(passwordFile, password);
        if (runAsPostgresUser)
        {
            await RunAsync("chown", ["-R", SuperUser, root], asServerUser: false);
        }

        File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await RunAsync(
            Path.Combine(binDirectory, "initdb"),
            ["-D", dataDirectory, "--username", SuperUser, "--pwfile", passwordFile, "--auth", "scram-sha-256", "--encoding", "UTF8", "--locale", "C", "--no-sync", "--no-instructions"]);
        File.Delete(passwordFile);
    }

    private async Task StartAsync()
    {
        Port = FreePort();
        var serverOptions = $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories={root} -c max_connections=200";
        await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["start", "-D", dataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", serverOptions]);
        running = true;
    }

    private async Task RunAsync(string executable, IReadOnlyList<string> arguments, bool asServerUser = true)
    {
        var command = (asServerUser && runAsPostgresUser ? ["runuser", "-u", SuperUser, "--", executable] : new[] { executable }).Concat(arguments).ToList();
        var start = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,

            // The server's user must be able to enter its working directory.
            WorkingDirectory = root,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} exited with code {process.ExitCode}:\n{await errors}{await output}");
        }
    }
}
