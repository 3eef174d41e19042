namespace Maestro.Runtime;

/// <summary>
/// The cluster's management API, named as Orleans' <c>IManagementGrain</c>: who the silos are and how busy. Every
/// silo hosts it as a stateless worker, so a call runs on the silo that receives it (the client's gateway) and
/// answers from that silo's membership view, which is at most a heartbeat period old. Use key 0:
/// <c>client.GetGrain&lt;IManagementGrain&gt;(0)</c>.
/// </summary>
public interface IManagementGrain : IGrainWithIntegerKey
{
    /// <summary>Every silo and its status (<c>Joining</c>, <c>Active</c>, <c>ShuttingDown</c>, <c>Stopping</c>, <c>Dead</c>), by address.</summary>
    Task<Dictionary<string, string>> GetHosts(bool onlyActive = false);

    /// <summary>Every silo with its name, status, gateway and activation count.</summary>
    Task<SiloHostInfo[]> GetDetailedHosts(bool onlyActive = false);

    /// <summary>The activations of the Active silos, as each last published them.</summary>
    Task<int> GetTotalActivationCount();
}
