using Maestro.GrainInterfaces.Access;
using Maestro.Grains.Access;

namespace Maestro.Silo.Access;

/// <summary>
/// At start, makes sure the first admin key exists. When this silo generated it, the key is printed once to standard
/// output (not through the logger, so no log sink keeps it) and is stored nowhere in clear: copy it from the console
/// of the first start. With <c>Maestro__InitialApiKey</c> set, that key is the first admin key instead and nothing is
/// printed. Runs before the HTTP server starts, so a silo that answers requests has its first key.
/// </summary>
public sealed partial class InitialApiKeyAnnouncer(
    ApiKeyBootstrapper bootstrapper,
    IOptions<MaestroOptions> options,
    ILogger<InitialApiKeyAnnouncer> logger) : IHostedService
{
    public const string Banner = "Initial admin API key (shown once; store it now, it cannot be shown again):";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var initialKey = options.Value.InitialApiKey;
        var (outcome, generated) = await bootstrapper.EnsureInitialAdminAsync(initialKey);
        if (generated is not null)
        {
            await Console.Out.WriteLineAsync($"{Banner}{Environment.NewLine}    {generated}");
            await Console.Out.FlushAsync(cancellationToken);
            LogGenerated(logger);
        }
        else if (initialKey is not null)
        {
            if (outcome == BootstrapOutcome.Ignored)
            {
                LogInitialKeyIgnored(logger);
            }
            else
            {
                LogInitialKeyUsed(logger, outcome);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first admin API key and printed it to standard output once; it is not stored in clear anywhere.")]
    private static partial void LogGenerated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Maestro:InitialApiKey was ignored: API keys already exist and it is not one of them.")]
    private static partial void LogInitialKeyIgnored(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The initial admin API key from Maestro:InitialApiKey: {Outcome}.")]
    private static partial void LogInitialKeyUsed(ILogger logger, BootstrapOutcome outcome);
}
