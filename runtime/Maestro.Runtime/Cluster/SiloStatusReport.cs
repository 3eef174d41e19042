namespace Maestro.Runtime.Cluster;

/// <summary>
/// What the membership table says about the calling silo after a heartbeat or status change: its status now and the
/// cluster version. <see cref="SiloStatus.Dead"/> (which also stands for a missing row) means the silo must stop; a
/// version newer than the one it holds means it should read the membership again.
/// </summary>
internal readonly record struct SiloStatusReport(SiloStatus Status, long Version);
