using System.Net.Http.Json;
using Maestro.Tests.Shared;

namespace Maestro.Silo.Tests.Api;

/// <summary>The audit log through REST on a real silo: a record for every mutating action, queries, exports.</summary>
public sealed class AuditApiTests(SecuredSilo silo) : IClassFixture<SecuredSilo>
{
    [Fact]
    public async Task Every_mutating_action_is_audited_with_who_what_and_how_it_ended()
    {
        var ct = TestContext.Current.CancellationToken;
        var name = ApiJson.UniqueName("audited");
        (await silo.Operator.PostAsJsonAsync("/api/services", ApiJson.Registration(name), ct)).Dispose();
        (await silo.Operator.PostAsJsonAsync("/api/services", new { name, version = "x" }, ct)).Dispose();
        (await silo.Operator.DeleteAsync($"/api/services/{name}", ct)).Dispose();
        (await silo.Operator.DeleteAsync($"/api/services/{name}", ct)).Dispose();
        using var created = await silo.Admin.PostAsJsonAsync("/api/keys", new { name = "audited key", role = "viewer" }, ct);
        var keyId = (await created.JsonAsync(ct)).GetProperty("keyId").GetString();
        (await silo.Admin.DeleteAsync($"/api/keys/{keyId}", ct)).Dispose();

        var service = await ApiJson.AuditAsync(silo.Admin, $"target=service:{name}", ct);
        var key = await ApiJson.AuditAsync(silo.Admin, $"target=key:{keyId}", ct);

        Assert.Equal(
            [("services.register", "succeeded", 201), ("services.register", "failed", 400), ("services.deregister", "succeeded", 204), ("services.deregister", "failed", 404)],
            service.Select(r => Summary(r)));
        Assert.Equal([("keys.create", "succeeded", 201), ("keys.revoke", "succeeded", 204)], key.Select(r => Summary(r)));
        var register = service[0].GetProperty("entry");
        Assert.Equal(silo.OperatorKeyId, register.GetProperty("actor").GetString());
        Assert.Equal("test operator", register.GetProperty("actorName").GetString());
        Assert.Equal("operator", register.GetProperty("role").GetString());
        Assert.Contains(name, register.GetProperty("parameters").GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", register.GetProperty("traceId").GetString());
        Assert.Equal(TestApiKeys.AdminKeyId, key[0].GetProperty("entry").GetProperty("actor").GetString());
        Assert.DoesNotContain("mk_", key[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_the_server_cannot_read_is_audited_as_failed()
    {
        var ct = TestContext.Current.CancellationToken;
        var marker = Guid.NewGuid().ToString("N");

        using var bad = await silo.Operator.PostAsync(
            $"/api/services?marker={marker}", new StringContent("{\"name\":\"x\",\"port\":\"x\"}", System.Text.Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var records = await ApiJson.AuditAsync(silo.Admin, $"action=services.register&actor={silo.OperatorKeyId}", ct);
        var record = Assert.Single(records, r => r.GetProperty("entry").GetProperty("parameters").TryGetProperty("query.marker", out var m) && m.GetString() == marker);
        var entry = record.GetProperty("entry");
        Assert.Equal("failed", entry.GetProperty("outcome").GetString());
        Assert.Equal(400, entry.GetProperty("statusCode").GetInt32());
        Assert.Contains("$.port", entry.GetProperty("parameters").GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queries_page_and_exports_escape_csv_and_summarise_as_text()
    {
        var ct = TestContext.Current.CancellationToken;
        var name = ApiJson.UniqueName("export");
        var tricky = "ops, \"night\"\nshift";
        (await silo.Operator.PostAsJsonAsync("/api/services", new { name, version = "1.0.0", baseUrl = "http://127.0.0.1:9", metadata = new { team = tricky } }, ct)).Dispose();
        (await silo.Operator.DeleteAsync($"/api/services/{name}", ct)).Dispose();

        var page = await silo.Admin.GetFromJsonAsync<JsonElement>($"/api/audit?target=service:{name}&offset=1&limit=1", ct);
        using var csvResponse = await silo.Admin.GetAsync($"/api/audit/export?format=csv&target=service:{name}", ct);
        var csv = await csvResponse.Content.ReadAsStringAsync(ct);
        using var json = await silo.Admin.GetAsync($"/api/audit/export?format=json&target=service:{name}", ct);
        using var text = await silo.Admin.GetAsync($"/api/audit/export?format=text&target=service:{name}", ct);
        using var badFormat = await silo.Admin.GetAsync("/api/audit/export?format=xml", ct);
        using var badRange = await silo.Admin.GetAsync("/api/audit?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", ct);

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal("services.deregister", page.GetProperty("items")[0].GetProperty("entry").GetProperty("action").GetString());
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("id,time,actor,actorName,role,action,target,outcome,statusCode,traceId,parameters\r\n", csv, StringComparison.Ordinal);
        var rows = Rfc4180Reader.Read(csv);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(11, r.Count));
        var parameters = JsonDocument.Parse(rows[1][10]).RootElement;
        var csvBody = JsonDocument.Parse(parameters.GetProperty("body").GetString()!).RootElement;
        Assert.Equal(tricky, csvBody.GetProperty("metadata").GetProperty("team").GetString());
        var exported = await json.JsonAsync(ct);
        Assert.Equal(2, exported.GetProperty("total").GetInt32());
        var registerBody = exported.GetProperty("records")[0].GetProperty("entry").GetProperty("parameters").GetProperty("body").GetString()!;
        Assert.Equal(tricky, JsonDocument.Parse(registerBody).RootElement.GetProperty("metadata").GetProperty("team").GetString());
        var summary = await text.Content.ReadAsStringAsync(ct);
        Assert.Contains("Records: 2", summary, StringComparison.Ordinal);
        Assert.Contains("services.register: 1", summary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.True((await badFormat.JsonAsync(ct)).GetProperty("errors").TryGetProperty("format", out _));
        Assert.True((await badRange.JsonAsync(ct)).GetProperty("errors").TryGetProperty("to", out _));
    }

    private static (string?, string?, int) Summary(JsonElement record)
    {
        var entry = record.GetProperty("entry");
        return (entry.GetProperty("action").GetString(), entry.GetProperty("outcome").GetString(), entry.GetProperty("statusCode").GetInt32());
    }
}
