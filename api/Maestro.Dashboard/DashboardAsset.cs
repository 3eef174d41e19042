namespace Maestro.Dashboard;

/// <summary>One file of the dashboard's front end, read once from the dashboard assembly's embedded resources.</summary>
public sealed record DashboardAsset(string Name, byte[] Content, string ContentType);
