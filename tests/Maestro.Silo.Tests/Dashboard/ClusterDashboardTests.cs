using System.Net.Http.Json;

namespace Maestro.Silo.Tests.Dashboard;

/// <summary>The dashboard of one silo in a two-silo cluster (real processes, private PostgreSQL) shows the whole cluster.</summary>
public sealed class ClusterDashboardTests
{
    [Fact]
    public async Task The_overview_of_one_silo_asks_every_silo_and_adds_up_their_calls()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await SiloCluster.StartAsync(2, ct);
        using var dashboard = await DashboardHttp.SignInAsync(cluster.Silos[0].Port, TestApiKeys.Admin, ct);

        // Asking one silo switches counting on in both: each silo's statistics grain answered on its own silo.
        var overview = await dashboard.GetFromJsonAsync<JsonElement>("/dashboard/api/overview", ct);
        var silos = overview.GetProperty("silos").EnumerateArray().ToList();
        Assert.Equal(cluster.Silos.Select(s => s.Name).Order(), silos.Select(s => s.GetProperty("name").GetString()).Order());
        Assert.All(silos, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("error").ValueKind));
        Assert.All(silos, s => Assert.True(s.GetProperty("collecting").GetBoolean(), $"{s.GetProperty("name")} was not asked."));
        Assert.Equal(2, overview.GetProperty("activeSilos").GetInt32());

        // Counters placed at random over both silos, called through the second: the first silo's overview counts all.
        for (var i = 0; i < 12; i++)
        {
            await cluster.Silos[1].CallCounterValueAsync($"dash-{i}", "Increment", ct);
        }

        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        while (true)
        {
            overview = await dashboard.GetFromJsonAsync<JsonElement>("/dashboard/api/overview", ct);
            var increments = overview.GetProperty("grainTypes").EnumerateArray()
                .SelectMany(t => t.GetProperty("methods").EnumerateArray())
                .Where(m => m.GetProperty("method").GetString() == "ITestCounterGrain.Increment")
                .Sum(m => m.GetProperty("calls").GetInt64());
            if (increments == 12)
            {
                break;
            }

            Assert.True(increments < 12 && DateTime.UtcNow < deadline, $"The overview counted {increments} Increment calls, not 12.");
            await Task.Delay(200, ct);
        }

        Assert.Equal(overview.GetProperty("silos").EnumerateArray().Sum(s => s.GetProperty("activations").GetInt32()), overview.GetProperty("totalActivations").GetInt32());
    }
}
