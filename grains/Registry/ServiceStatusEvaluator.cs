using Maestro.GrainInterfaces.Registry;

namespace Maestro.Grains.Registry;

/// <summary>
/// Decides a service's status from its last heartbeat and its last probe: heartbeats say whether it is alive at all
/// (expired wins), probes grade how well it answers. A service without a health endpoint, or not probed yet, is
/// healthy while its heartbeats are fresh.
/// </summary>
public static class ServiceStatusEvaluator
{
    public static ServiceStatus Evaluate(DateTimeOffset lastHeartbeat, ProbeResult? lastProbe, bool probed, DateTimeOffset now, TimeSpan heartbeatTimeout)
    {
        if (now - lastHeartbeat > heartbeatTimeout)
        {
            return ServiceStatus.Expired;
        }

        return probed && lastProbe is not null ? lastProbe.Status : ServiceStatus.Healthy;
    }
}
