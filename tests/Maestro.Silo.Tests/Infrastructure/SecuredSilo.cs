using System.Globalization;

namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>
/// One silo process with the test admin key, a viewer and an operator key made through the API, and a short
/// heartbeat timeout (2 s) so expiry is seen within a test. Shared by the tests of a class.
/// </summary>
public sealed class SecuredSilo : IAsyncLifetime, IRestApiUnderTest
{
    private readonly TempDirectory directory = new();
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
        await process.WaitUntilHealthyAsync(Anonymous, ct);
        (Operator, OperatorKeyId) = await CreateKeyAsync("operator", ct);
        (Viewer, ViewerKeyId) = await CreateKeyAsync("viewer", ct);
    }

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

        directory.Dispose();
    }
}
