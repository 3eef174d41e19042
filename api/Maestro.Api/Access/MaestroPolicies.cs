using Maestro.GrainInterfaces.Access;

namespace Maestro.Api.Access;

/// <summary>
/// The authorization policies of the REST API, one per role; each admits its role and every role above it
/// (viewer &lt; operator &lt; admin). Endpoints use them as <c>.RequireAuthorization(MaestroPolicies.Operator)</c>.
/// </summary>
public static class MaestroPolicies
{
    /// <summary>Reads: any valid key.</summary>
    public const string Viewer = "maestro.viewer";

    /// <summary>Changes to services and workflows: operator or admin keys.</summary>
    public const string Operator = "maestro.operator";

    /// <summary>Keys and the audit log: admin keys only.</summary>
    public const string Admin = "maestro.admin";

    /// <summary>The role claim's value for <paramref name="role"/>: "viewer", "operator" or "admin".</summary>
    public static string RoleName(ApiRole role) => role switch
    {
        ApiRole.Viewer => "viewer",
        ApiRole.Operator => "operator",
        ApiRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    /// <summary>The role names a policy for <paramref name="minimum"/> admits.</summary>
    public static string[] RolesAtLeast(ApiRole minimum) =>
        [.. Enum.GetValues<ApiRole>().Where(r => r >= minimum).Select(RoleName)];
}
