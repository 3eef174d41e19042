namespace Maestro.Silo.Tests.Cluster;

/// <summary>
/// F7 (orleans.md §7.9): two silo processes are asked for the same fresh grains at the same moment; the directory's
/// first writer wins, so each grain has exactly one activation in the cluster.
/// </summary>
public sealed class ActivationRaceTests
{
    private const int Keys = 40;

    [Fact]
    public async Task Two_silos_racing_to_activate_the_same_grains_make_one_activation_each()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await SiloCluster.StartAsync(3, ct);
        var racers = new[] { cluster.Silos[0], cluster.Silos[1] };

        var keys = Enumerable.Range(0, Keys).Select(i => $"f7-{i}").ToArray();
        var answers = await Task.WhenAll(keys.SelectMany(key => racers.SelectMany(silo => Enumerable.Range(0, 3).Select(async _ =>
            (Key: key, Activation: (await silo.CallCounterValueAsync(key, "GetActivationId", ct)).GetString())))));

        foreach (var key in keys)
        {
            var activations = answers.Where(a => a.Key == key).Select(a => a.Activation).Distinct().ToArray();
            Assert.True(activations.Length == 1, $"Grain {key} has {activations.Length} activations: {string.Join(", ", activations)}");

            // Every silo, the third included, reaches that same activation afterwards, and it holds one count.
            foreach (var silo in cluster.Silos)
            {
                Assert.Equal(activations[0], (await silo.CallCounterValueAsync(key, "GetActivationId", ct)).GetString());
            }
        }

        var increments = await Task.WhenAll(keys.SelectMany(key => racers.Select(async silo =>
            (Key: key, Value: (await silo.CallCounterValueAsync(key, "Increment", ct)).GetInt64()))));
        foreach (var key in keys)
        {
            Assert.Equal([1L, 2L], increments.Where(i => i.Key == key).Select(i => i.Value).Order());
        }
    }
}
