using System.Diagnostics;
using System.Globalization;
using Maestro.GrainInterfaces.Registry;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Maestro.Grains.Registry;

/// <summary>
/// Probes one service's health endpoint with GET through a Polly pipeline: retry (exponential delays) around a
/// circuit breaker around a per-attempt timeout. The breaker counts failed attempts (connection errors, timeouts,
/// non-2xx answers); it is configured with a failure ratio of 1 over a long window, so it opens after
/// <see cref="ServiceRegistryOptions.BreakerFailureThreshold"/> failures with no success in between — consecutive
/// failures, as the original's breaker. While it is open, probes fail at once without a request; after the break one
/// trial request decides. A 2xx answer slower than <see cref="ServiceRegistryOptions.DegradedLatency"/> is degraded.
/// </summary>
public sealed class ServiceProbe
{
    private readonly HttpClient http;
    private readonly ServiceRegistryOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ResiliencePipeline<ProbeAttempt> pipeline;

    internal ServiceProbe(HttpClient http, ServiceRegistryOptions options, TimeProvider timeProvider)
    {
        this.http = http;
        this.options = options;
        this.timeProvider = timeProvider;
        var failed = new PredicateBuilder<ProbeAttempt>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(a => !a.Succeeded);
        var builder = new ResiliencePipelineBuilder<ProbeAttempt> { TimeProvider = timeProvider };
        if (options.ProbeRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<ProbeAttempt>
            {
                ShouldHandle = failed,
                MaxRetryAttempts = options.ProbeRetries,
                Delay = options.ProbeRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
            });
        }

        builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<ProbeAttempt>
            {
                ShouldHandle = failed,
                FailureRatio = 1.0,
                MinimumThroughput = options.BreakerFailureThreshold,
                SamplingDuration = TimeSpan.FromDays(1),
                BreakDuration = options.BreakerBreakDuration,
            })
            .AddTimeout(options.ProbeTimeout);
        pipeline = builder.Build();
    }

    /// <summary>Probes <paramref name="url"/>; never throws for a failed probe (the result says Unhealthy and why).</summary>
    public async Task<ProbeResult> ProbeAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            var attempt = await pipeline.ExecuteAsync(static (state, ct) => state.Probe.AttemptAsync(state.Url, ct), (Probe: this, Url: url), cancellationToken);
            var latency = Math.Round(attempt.Latency.TotalMilliseconds, 3);
            if (!attempt.Succeeded)
            {
                return Result(ServiceStatus.Unhealthy, latency, attempt.StatusCode, $"HTTP {attempt.StatusCode.ToString(CultureInfo.InvariantCulture)}");
            }

            return attempt.Latency > options.DegradedLatency
                ? Result(ServiceStatus.Degraded, latency, attempt.StatusCode, null)
                : Result(ServiceStatus.Healthy, latency, attempt.StatusCode, null);
        }
        catch (BrokenCircuitException)
        {
            return Result(ServiceStatus.Unhealthy, null, null, "circuit open: recent probes failed; no request sent");
        }
        catch (TimeoutRejectedException)
        {
            return Result(ServiceStatus.Unhealthy, null, null, $"timed out after {options.ProbeTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException ex)
        {
            return Result(ServiceStatus.Unhealthy, null, null, $"request failed: {ex.Message}");
        }
    }

    private async ValueTask<ProbeAttempt> AttemptAsync(Uri url, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var latency = Stopwatch.GetElapsedTime(started);
        return new ProbeAttempt((int)response.StatusCode, latency);
    }

    private ProbeResult Result(ServiceStatus status, double? latencyMs, int? httpStatus, string? error) =>
        new(timeProvider.GetUtcNow(), status, latencyMs, httpStatus, error);

    /// <summary>One request's answer.</summary>
    private readonly record struct ProbeAttempt(int StatusCode, TimeSpan Latency)
    {
        public bool Succeeded => StatusCode is >= 200 and <= 299;
    }
}
