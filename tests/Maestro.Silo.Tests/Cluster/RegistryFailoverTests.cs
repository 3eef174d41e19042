using System.Net.Http.Json;

namespace Maestro.Silo.Tests.Cluster;

/// <summary>
/// The registry across real silo processes on PostgreSQL: after a silo is killed (SIGKILL), the survivor answers
/// discovery with every registered service and keeps monitoring them, whichever silo hosted them or the index.
/// </summary>
public sealed class RegistryFailoverTests
{
    [Fact]
    public async Task After_a_silo_is_killed_discovery_answers_the_same_and_expiry_goes_on()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await SiloCluster.StartAsync(2, ct);
        var (survivor, victim) = (cluster.Silos[0], cluster.Silos[1]);
        var tag = $"f-{Guid.NewGuid():N}"[..12];
        var names = Enumerable.Range(0, 6).Select(i => $"{tag}-svc{i}").ToList();
        foreach (var name in names)
        {
            using var registered = await victim.Http.PostAsJsonAsync("/api/services", new { name, version = "1.0.0", baseUrl = "http://127.0.0.1:9", tags = new[] { tag } }, ct);
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        await victim.Process.SignalAsync("KILL", ct);

        var expired = await PollAsync(survivor, $"/api/services?tag={tag}&status=expired", page => page.GetProperty("total").GetInt32() == names.Count, ct);
        Assert.Equal(names, expired.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        foreach (var name in names)
        {
            var history = await PollAsync(survivor, $"/api/services/{name}/history", _ => true, ct);
            Assert.Equal(["healthy", "expired"], history.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        }
    }

    /// <summary>GETs <paramref name="path"/> until it answers 200 with a body meeting <paramref name="done"/>; server errors while the cluster fails over are expected.</summary>
    private static async Task<JsonElement> PollAsync(ClusterSilo silo, string path, Func<JsonElement, bool> done, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        var last = "(no answer)";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await silo.Http.GetAsync(path, ct);
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}";
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                if (done(body))
                {
                    return body;
                }
            }
            else
            {
                // Until the killed silo is declared dead (lease + grace, about 13 s), calls routed to it fail; the
                // runtime says retry. A server error is allowed in that window; the final answer must be complete.
                Assert.True((int)response.StatusCode >= 500, $"Only server errors are expected while the cluster fails over; got {last}");
                TestContext.Current.TestOutputHelper?.WriteLine($"During failover: {last}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }

        throw new TimeoutException($"{path} on {silo.Name} did not answer as expected within {SiloProcess.Patience}; last: {last}");
    }
}
