namespace Maestro.Silo.Dashboard;

/// <summary>One file of the dashboard's front end, read once from the silo assembly's embedded resources.</summary>
public sealed record DashboardAsset(string Name, byte[] Content, string ContentType);
