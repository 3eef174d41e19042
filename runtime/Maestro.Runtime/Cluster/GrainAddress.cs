namespace Maestro.Runtime.Cluster;

/// <summary>A grain directory entry: which activation of a grain is the one, and on which silo.</summary>
/// <param name="GrainId">The grain.</param>
/// <param name="SiloAddress">The silo incarnation that hosts the activation.</param>
/// <param name="ActivationId">The activation; comparing it with one's own tells whether a register was won.</param>
/// <param name="MembershipVersion">The cluster version the registering silo had seen, for diagnostics and cache invalidation.</param>
internal sealed record GrainAddress(GrainId GrainId, SiloAddress SiloAddress, Guid ActivationId, long MembershipVersion);
