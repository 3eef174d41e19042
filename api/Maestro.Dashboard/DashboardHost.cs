namespace Maestro.Dashboard;

/// <summary>Which process serves the dashboard, shown on the page (the log tail is this process's own).</summary>
/// <param name="Kind"><c>silo</c> or <c>gateway</c>.</param>
/// <param name="Name">The silo's name, or the gateway's host name and port.</param>
public sealed record DashboardHost(string Kind, string Name)
{
    public const string Silo = "silo";

    public const string Gateway = "gateway";
}
