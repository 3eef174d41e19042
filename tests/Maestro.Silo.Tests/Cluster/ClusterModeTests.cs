namespace Maestro.Silo.Tests.Cluster;

/// <summary>Real silo processes in cluster mode: health, the membership view and calls routed between them.</summary>
public sealed class ClusterModeTests
{
    [Fact]
    public async Task Two_silos_join_report_their_address_and_share_grains()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await SiloCluster.StartAsync(2, ct);

        foreach (var silo in cluster.Silos)
        {
            var health = await silo.GetJsonAsync("/health", ct);
            Assert.Equal("Healthy", health.GetProperty("status").GetString());
            var membership = health.GetProperty("cluster");
            Assert.Equal("Active", membership.GetProperty("status").GetString());
            Assert.StartsWith($"127.0.0.1:{silo.SiloPort}:", membership.GetProperty("address").GetString(), StringComparison.Ordinal);
        }

        var view = await cluster.Silos[0].GetJsonAsync("/api/cluster/silos", ct);
        Assert.Equal("Active", view.GetProperty("status").GetString());
        var active = view.GetProperty("activeSilos").EnumerateArray().Select(a => a.GetString()).ToArray();
        Assert.Equal(2, active.Length);
        foreach (var silo in cluster.Silos)
        {
            Assert.Contains(active, a => a!.StartsWith($"127.0.0.1:{silo.SiloPort}:", StringComparison.Ordinal));
        }

        // The same grain through either silo: one activation, one count.
        Assert.Equal(1, (await cluster.Silos[0].CallCounterValueAsync("shared", "Increment", ct)).GetInt64());
        Assert.Equal(2, (await cluster.Silos[1].CallCounterValueAsync("shared", "Increment", ct)).GetInt64());
        var first = (await cluster.Silos[0].CallCounterValueAsync("shared", "GetActivationId", ct)).GetString();
        var second = (await cluster.Silos[1].CallCounterValueAsync("shared", "GetActivationId", ct)).GetString();
        Assert.Equal(first, second);

        var output = string.Concat(cluster.Silos.Select(s => s.Process.StandardOutput + s.Process.StandardError));
        Assert.DoesNotContain(await File.ReadAllTextAsync(cluster.SecretFile, ct), output, StringComparison.Ordinal);
    }
}
