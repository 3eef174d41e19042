using System.Globalization;

namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>
/// One silo process with the test admin key, a viewer and an operator key made through the API, and a short
/// heartbeat timeout (2 s) so expiry is seen within a test. Shared by the tests of a class. It can be killed with
/// SIGKILL and started again on the same data (<see cref="KillAsync"/>, <see cref="RestartAsync"/>), the keys kept.
/// </summary>
public sealed class SecuredSilo : IAsyncLifetime, IRestApiUnderTest
{
    private readonly TempDirectory directory = new();
    private readonly List<ProcessTreeSnapshot> orphans = [];
    private SiloProcess? process;

    public int Port { get; } = FreePort.Next();

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Operator { get; private set; } = null!;

    public HttpClient Viewer { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public string OperatorKeyId { get; private set; } = string.Empty;

    public string ViewerKeyId { get; private set; } = string.Empty;

    /// <summary>The silo's data folder (its default test-execution workspace root is <c>workspaces</c> in it).</summary>
    public string DataDirectory => directory.Combine("data");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Anonymous = TestApiKeys.Client(Port, null);
        Admin = TestApiKeys.Client(Port, TestApiKeys.Admin);
        await StartProcessAsync(ct);
        (Operator, OperatorKeyId) = await CreateKeyAsync("operator", ct);
        (Viewer, ViewerKeyId) = await CreateKeyAsync("viewer", ct);
    }

    /// <summary>
    /// Kills the silo process with SIGKILL, as a crash or the OOM killer would: no shutdown code runs. Its child
    /// processes (a browser, git) are remembered and killed by their ids when the fixture is disposed, if still running.
    /// </summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        var victim = process ?? throw new InvalidOperationException("The silo is not running.");
        orphans.Add(ProcessTreeSnapshot.Of(victim.Id));
        await victim.SignalAsync("KILL", cancellationToken);
        await victim.WaitForExitAsync(cancellationToken);
        await victim.DisposeAsync();
        process = null;
    }

    /// <summary>The processes the killed silo had started that are still running, as <c>name (id)</c>.</summary>
    public IReadOnlyList<string> RunningOrphans() => [.. orphans.SelectMany(o => o.Running())];

    /// <summary>Starts the silo process again on the same data folder and port; waits until it is healthy.</summary>
    public Task RestartAsync(CancellationToken cancellationToken) =>
        process is null ? StartProcessAsync(cancellationToken) : throw new InvalidOperationException("The silo is still running.");

    /// <summary>Creates a key with <paramref name="role"/> through the API; returns a client sending it, and its id.</summary>
    public Task<(HttpClient Client, string KeyId)> CreateKeyAsync(string role, CancellationToken cancellationToken) =>
        TestApiKeys.CreateKeyAsync(Admin, Port, role, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { Admin, Operator, Viewer, Anonymous })
        {
            client?.Dispose();
        }

        if (process is not null)
        {
            await process.DisposeAsync();
        }

        foreach (var orphan in orphans)
        {
            orphan.KillRunning();
        }

        directory.Dispose();
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(TestApiKeys.Environment)
        {
            ["Maestro__Registry__HeartbeatInterval"] = "00:00:01",
            ["Maestro__Registry__HeartbeatTimeout"] = "00:00:02",
            ["Maestro__Registry__ExpiryCheckPeriod"] = "00:00:00.200",
            ["Maestro__AutoRepair__TickInterval"] = "00:00:00.200",
            ["Maestro__AutoRepair__MinMonitorInterval"] = "00:00:01",
        };
        process = SiloProcess.StartWithEnvironment(
            directory.Path,
            environment,
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--data", directory.Combine("data"));
        await process.WaitUntilHealthyAsync(Anonymous, cancellationToken);
    }
}
