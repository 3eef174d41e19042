using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Maestro.Silo.Hosting;

/// <summary>Says where the silo listens and keeps its data once everything started, and that it stopped.</summary>
internal sealed partial class SiloLifecycleLogger(
    IServer server,
    ISiloStatus status,
    IOptions<MaestroOptions> options,
    ILogger<SiloLifecycleLogger> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after every hosted service started, the web server included, so the addresses are bound.</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var urls = addresses is { Count: > 0 } ? string.Join(", ", addresses) : $"http://localhost:{options.Value.Port}";
        LogStarted(status.SiloName, urls, options.Value.DataDirectory, options.Value.DatabasePath);
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        LogStopping(status.SiloName, status.ActivationCount);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after every hosted service stopped: grains are deactivated and the database checkpointed.</summary>
    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        LogStopped(status.SiloName);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Maestro silo {Silo} listening on {Urls}; data directory {DataDirectory} (database {Database})")]
    private partial void LogStarted(string silo, string urls, string dataDirectory, string database);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Maestro silo {Silo} stopping with {Activations} activations")]
    private partial void LogStopping(string silo, int activations);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Maestro silo {Silo} stopped")]
    private partial void LogStopped(string silo);
}
