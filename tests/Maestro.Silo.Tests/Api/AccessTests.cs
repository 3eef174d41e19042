using System.Net.Http.Json;

namespace Maestro.Silo.Tests.Api;

/// <summary>Every role's allowed and denied calls through the real silo (<see cref="RoleMatrixTests{TApi}"/>), keys and the audit records of denials.</summary>
public sealed class AccessTests(SecuredSilo silo) : RoleMatrixTests<SecuredSilo>(silo), IClassFixture<SecuredSilo>
{
    [Fact]
    public async Task Requests_without_a_valid_key_are_refused_and_audited_without_the_secret()
    {
        var ct = TestContext.Current.CancellationToken;
        var unknownKey = "mk_0000000000ff_" + new string('z', 43);
        using var stranger = TestApiKeys.Client(Api.Port, unknownKey);

        using var none = await Api.Anonymous.GetAsync("/api/keys", ct);
        using var unknown = await stranger.GetAsync("/api/keys", ct);
        using var malformed = await TestApiKeys.Client(Api.Port, "let-me-in").GetAsync("/api/keys", ct);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, malformed.StatusCode);
        Assert.Contains("ApiKey", none.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var denials = await ApiJson.AuditAsync(Api.Admin, "action=auth.denied&actor=anonymous", ct);
        var unknownDenial = denials.Last(r => r.GetProperty("entry").GetProperty("parameters").TryGetProperty("presentedKeyId", out var id) && id.GetString() == "0000000000ff");
        Assert.Equal("GET /api/keys", unknownDenial.GetProperty("entry").GetProperty("target").GetString());
        Assert.Equal(401, unknownDenial.GetProperty("entry").GetProperty("statusCode").GetInt32());
        using var export = await Api.Admin.GetAsync("/api/audit/export?format=json", ct);
        Assert.DoesNotContain(unknownKey, await export.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_authorization_header_form_works_and_a_revoked_key_stops_working()
    {
        var ct = TestContext.Current.CancellationToken;
        using var created = await Api.Admin.PostAsJsonAsync("/api/keys", new { name = "short-lived", role = "operator" }, ct);
        var body = await created.JsonAsync(ct);
        var key = body.GetProperty("key").GetString()!;
        var keyId = body.GetProperty("keyId").GetString()!;
        using var client = TestApiKeys.Client(Api.Port, null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", key);

        using var before = await client.GetAsync("/api/services", ct);
        using var revoke = await Api.Admin.DeleteAsync($"/api/keys/{keyId}", ct);
        using var after = await client.GetAsync("/api/services", ct);
        using var again = await Api.Admin.DeleteAsync($"/api/keys/{keyId}", ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var list = await Api.Admin.GetAsync("/api/keys", ct);
        var listed = (await list.JsonAsync(ct)).EnumerateArray().Single(k => k.GetProperty("keyId").GetString() == keyId);
        Assert.Equal(JsonValueKind.String, listed.GetProperty("revokedAt").ValueKind);
        Assert.DoesNotContain(key, listed.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            ["createdAt", "createdBy", "keyId", "name", "revokedAt", "role"],
            listed.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_last_admin_key_cannot_be_revoked()
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await Api.Admin.DeleteAsync($"/api/keys/{TestApiKeys.AdminKeyId}", ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var stillWorks = await Api.Admin.GetAsync("/api/keys", ct);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }
}
