namespace Maestro.Runtime.Cluster;

/// <summary>
/// Where a silo incarnation is in its life, with Orleans' names and numbers: the numbers are stored in the
/// <c>silos</c> table, so they must never change. A status only moves forward, and <see cref="Dead"/> is final: a
/// restarted process joins as a new <see cref="SiloAddress.Generation"/>.
/// </summary>
internal enum SiloStatus
{
    None = 0,
    Created = 1,
    Joining = 2,
    Active = 3,
    ShuttingDown = 4,
    Stopping = 5,
    Dead = 6,
}
