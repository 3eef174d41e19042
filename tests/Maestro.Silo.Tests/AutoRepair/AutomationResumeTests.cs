using System.Net.Http.Json;
using Maestro.Grains.Tests.AutoRepair;
using Maestro.Grains.Tests.Infrastructure;
using Maestro.Silo.Tests.Api;
using Microsoft.Data.Sqlite;

namespace Maestro.Silo.Tests.AutoRepair;

/// <summary>
/// A starting silo wakes the watched projects by itself, and one project whose stored state cannot be read does not
/// keep the silo from starting or the other projects from being woken. Real silo process, killed and started again on
/// the same data folder, with one project's row in its SQLite database damaged in between.
/// </summary>
public sealed class AutomationResumeTests : IAsyncLifetime
{
    private const string ResultFile = ".maestro/results.xml";

    private readonly SecuredSilo silo = new();

    // The broken project sorts first: the silo used to wake projects in id order and stop at the first failure.
    private readonly string broken = ApiJson.UniqueName("a-broken");
    private readonly string healthy = ApiJson.UniqueName("b-healthy");
    private ShopProject brokenProject = null!;
    private ShopProject healthyProject = null!;

    public async ValueTask InitializeAsync()
    {
        await silo.InitializeAsync();
        var root = Path.Combine(silo.DataDirectory, "workspaces");
        Directory.CreateDirectory(root);
        brokenProject = new ShopProject(workspaceRoot: root);
        healthyProject = new ShopProject(workspaceRoot: root);
    }

    public async ValueTask DisposeAsync()
    {
        brokenProject?.Dispose();
        healthyProject?.Dispose();
        await silo.DisposeAsync();
    }

    [Fact]
    public async Task A_project_that_cannot_activate_is_passed_over_and_the_others_are_woken_without_being_called()
    {
        var ct = TestContext.Current.CancellationToken;
        await StartAsync(broken, brokenProject, ct);
        await StartAsync(healthy, healthyProject, ct);
        await Eventually.WaitForAsync(() => Task.FromResult(File.Exists(ResultPath(healthyProject))), made => made, "the healthy project's first monitor round");
        await silo.KillAsync(ct);

        // A monitor round the kill interrupted must not write the result file after it is deleted.
        await Eventually.WaitForAsync(() => Task.FromResult(silo.RunningOrphans()), running => running.Count == 0, "the killed silo's child processes to exit");
        Assert.Equal(1, DamageAutomationState(broken));
        File.Delete(ResultPath(healthyProject));
        await silo.RestartAsync(ct);

        // Nothing calls the healthy project: its monitor runs again only because the starting silo woke it.
        await Eventually.WaitForAsync(() => Task.FromResult(File.Exists(ResultPath(healthyProject))), made => made, "the healthy project's monitor to run after the restart");
        using var brokenStatus = await silo.Viewer.GetAsync($"/api/automation/status?orchestratorId={broken}", ct);
        Assert.Equal(HttpStatusCode.InternalServerError, brokenStatus.StatusCode);
        var status = await silo.Viewer.GetFromJsonAsync<JsonElement>($"/api/automation/status?orchestratorId={healthy}", ct);
        Assert.True(status.GetProperty("isRunning").GetBoolean());
    }

    private async Task StartAsync(string id, ShopProject project, CancellationToken ct)
    {
        using var start = await silo.Operator.PostAsJsonAsync("/api/automation/start", AutomationApiTests.StartBody(id, project), ct);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
    }

    private static string ResultPath(ShopProject project) => Path.Combine(project.Folder, ResultFile);

    /// <summary>Overwrites the project's stored automation state with a payload that is not JSON; returns the rows changed.</summary>
    private int DamageAutomationState(string projectId)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(silo.DataDirectory, "maestro.db")}");
        connection.Open();
        using var damage = connection.CreateCommand();
        damage.CommandText = "UPDATE grain_state SET payload = x'7b' WHERE state_name = 'automation' AND grain_key LIKE '%' || $id";
        damage.Parameters.AddWithValue("$id", projectId);
        return damage.ExecuteNonQuery();
    }
}
