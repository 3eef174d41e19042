namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>
/// One silo process on a free port with a private data folder, healthy before the first test, killed afterwards.
/// Shared by the tests of a class that only read from it. Its first admin key is the tests' one, which
/// <see cref="Http"/> sends.
/// </summary>
public sealed class RunningSilo : IAsyncLifetime
{
    public const string ServiceId = "svc-under-test";

    public const string ClusterId = "cluster-under-test";

    private readonly TempDirectory directory = new();
    private SiloProcess? process;

    public string SiloName { get; } = $"silo-{Guid.NewGuid():N}"[..13];

    public int Port { get; } = FreePort.Next();

    public HttpClient Http { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Http = TestApiKeys.Client(Port, TestApiKeys.Admin);
        process = SiloProcess.StartWithEnvironment(
            directory.Path,
            TestApiKeys.Environment,
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--data", directory.Combine("data"),
            "--service-id", ServiceId,
            "--cluster-id", ClusterId,
            "--silo-name", SiloName);
        await process.WaitUntilHealthyAsync(Http, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        directory.Dispose();
    }
}
