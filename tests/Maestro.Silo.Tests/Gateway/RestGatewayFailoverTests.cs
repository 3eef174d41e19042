using System.Net.Http.Json;
using Maestro.Silo.Tests.Api;

namespace Maestro.Silo.Tests.Gateway;

/// <summary>
/// The silo whose gateway the REST gateway's client uses is killed with SIGKILL: the REST gateway keeps answering,
/// from the other silo, with what was stored before and what is written after.
/// </summary>
public sealed class RestGatewayFailoverTests
{
    [Fact]
    public async Task The_gateway_keeps_answering_from_the_surviving_silo_after_its_silo_is_killed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        await using var cluster = await SiloCluster.StartAsync(2, ct);
        await using var gateway = await RestGateway.StartAsync(directory.Path, cluster.Silos.Select(s => s.Gateway), ct);
        var before = ApiJson.UniqueName("before");
        using (var registered = await gateway.Admin.PostAsJsonAsync("/api/services", ApiJson.Registration(before), ct))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var health = await gateway.Anonymous.GetFromJsonAsync<JsonElement>("/health", ct);
        var used = health.GetProperty("currentGateway").GetString();
        var victim = cluster.Silos.Single(s => s.Gateway.ToString() == used);
        var survivor = cluster.Silos.Single(s => s != victim);

        await victim.Process.SignalAsync("KILL", ct);

        // Until the cluster declares the killed silo dead, its grains answer 503 (they did not run); then they are
        // activated on the survivor with their stored state. Every answer meanwhile is an HTTP answer, never a hang.
        var stored = await UntilOkAsync(() => gateway.Admin.GetAsync($"/api/services/{before}", ct), ct);
        Assert.Equal(before, stored.GetProperty("registration").GetProperty("name").GetString());

        // That grain may have lived on the survivor all along: the write below waits until the killed silo is
        // declared dead, so none of the grains it touches is still placed on it.
        await UntilAloneAsync(survivor, ct);
        var after = ApiJson.UniqueName("after");
        using (var registered = await gateway.Admin.PostAsJsonAsync("/api/services", ApiJson.Registration(after), ct))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var onSurvivor = await survivor.GetJsonAsync($"/api/services/{after}", ct);
        Assert.Equal(after, onSurvivor.GetProperty("registration").GetProperty("name").GetString());
        var healthAfter = await UntilOkAsync(() => gateway.Anonymous.GetAsync("/health", ct), ct);
        Assert.Equal(survivor.Gateway.ToString(), healthAfter.GetProperty("currentGateway").GetString());
    }

    /// <summary>Waits (bounded by <see cref="SiloProcess.Patience"/>) until <paramref name="survivor"/> sees itself as the only active silo.</summary>
    private static async Task UntilAloneAsync(ClusterSilo survivor, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        while (true)
        {
            var view = await survivor.GetJsonAsync("/api/cluster/silos", ct);
            if (view.GetProperty("activeSilos").GetArrayLength() == 1)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The killed silo was not declared dead within {SiloProcess.Patience}: {view}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    /// <summary>Repeats <paramref name="call"/> (bounded by <see cref="SiloProcess.Patience"/>) until it answers 200; returns its body.</summary>
    private static async Task<JsonElement> UntilOkAsync(Func<Task<HttpResponseMessage>> call, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        var answers = new List<string>();
        while (true)
        {
            using var response = await call();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.JsonAsync(ct);
            }

            answers.Add($"{(int)response.StatusCode}");
            Assert.True(DateTime.UtcNow < deadline, $"No 200 within {SiloProcess.Patience}; answers: {string.Join(", ", answers.Distinct())}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }
}
