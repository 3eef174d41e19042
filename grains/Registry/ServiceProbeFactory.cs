namespace Maestro.Grains.Registry;

/// <summary>
/// Makes a <see cref="ServiceProbe"/> per service activation. One HTTP client for the whole silo (pooled
/// connections, renewed every few minutes so DNS changes are seen); each probe has its own resilience pipeline,
/// because circuit-breaker state belongs to one service.
/// </summary>
public sealed class ServiceProbeFactory : IDisposable
{
    private readonly HttpClient http;
    private readonly IOptions<ServiceRegistryOptions> options;
    private readonly TimeProvider timeProvider;

    public ServiceProbeFactory(IOptions<ServiceRegistryOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.timeProvider = timeProvider;
        http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
        })
        {
            // Polly's timeout strategy bounds each attempt; the client's own timeout would only get in its way.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Maestro-Registry-Probe/1.0");
    }

    public ServiceProbe Create() => new(http, options.Value, timeProvider);

    public void Dispose() => http.Dispose();
}
