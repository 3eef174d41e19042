namespace Maestro.Dashboard;

/// <summary>Where the dashboard lives: its pages under <c>/dashboard</c>, its JSON under <c>/dashboard/api</c>.</summary>
public static class DashboardPaths
{
    public const string Root = "/dashboard";

    public const string SignIn = Root + "/sign-in";

    public const string Api = Root + "/api";

    /// <summary>The policy of every dashboard endpoint but the sign-in page: a session of any role.</summary>
    public const string ViewerPolicy = "maestro.dashboard.viewer";

    /// <summary>Acting from the dashboard (approving or rejecting a heal) needs an operator key, as the REST API does.</summary>
    public const string OperatorPolicy = "maestro.dashboard.operator";

    /// <summary>The policy of the audit log's endpoint: a session signed in with an admin key, as <c>/api/audit</c>.</summary>
    public const string AdminPolicy = "maestro.dashboard.admin";

    public static bool IsJsonApi(PathString path) => path.StartsWithSegments(Api, StringComparison.OrdinalIgnoreCase);
}
