using Maestro.GrainInterfaces.Healing;
using Maestro.GrainInterfaces.Registry;

namespace Maestro.Grains.Healing.Strategies;

/// <summary>
/// Handles a failure against a service the registry knows: when the registry reports it down, a recent outage is
/// waited for (then the test re-runs), a long one makes the run fail fast as an environment failure, not a test
/// failure. When the registry reports it up, the environment is not the cause and nothing is proposed.
/// </summary>
public static class EnvironmentHealer
{
    public static StrategyResult Heal(HealingFailure failure, ServiceSnapshot? service, DateTimeOffset now, StrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(options);
        if (failure.Service is null)
        {
            return StrategyResult.None("The failure names no registered service to check.");
        }

        if (service is null)
        {
            return StrategyResult.None($"The registry does not know the service '{failure.Service}'.");
        }

        var downFor = now - service.StatusChangedAt;
        var evidence = new List<string> { $"Registry: '{failure.Service}' is {service.Status} since {service.StatusChangedAt:u} ({downFor.TotalSeconds:0} s)." };
        if (service.LastProbe is { } probe)
        {
            evidence.Add($"Last probe: {probe}.");
        }

        if (service.Status is ServiceStatus.Healthy or ServiceStatus.Degraded)
        {
            return new StrategyResult(null, [], [.. evidence, "The service is up: the environment is not the cause."]);
        }

        if (downFor < options.OutageWaitWindow)
        {
            var wait = new HealingFix(HealingStrategy.Environment,
                $"Wait up to {options.ServiceWaitTimeout.TotalSeconds:0} s for '{failure.Service}' to be healthy, then re-run",
                0.8, [.. evidence, $"Down for less than {options.OutageWaitWindow.TotalMinutes:0} min: likely a restart or a deployment."],
                $"wait-for-service {failure.Service} {options.ServiceWaitTimeout.TotalSeconds:0}s", null);
            return new StrategyResult(wait, [new HealingCandidate("wait for the service", 0.8, [], null, null), new HealingCandidate("fail fast", 0.5, [], null, "the outage is recent")], []);
        }

        var failFast = new HealingFix(HealingStrategy.Environment,
            $"Fail fast while '{failure.Service}' is down: report an environment failure, not a test failure",
            0.9, [.. evidence, $"Down for more than {options.OutageWaitWindow.TotalMinutes:0} min: waiting would only hold the run up."],
            $"fail-fast {failure.Service}", null);
        return new StrategyResult(failFast, [new HealingCandidate("fail fast", 0.9, [], null, null), new HealingCandidate("wait for the service", 0.4, [], null, "the outage is long")], []);
    }
}
