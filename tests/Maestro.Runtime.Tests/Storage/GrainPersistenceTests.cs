using Maestro.Runtime.Tests.Storage.Grains;

namespace Maestro.Runtime.Tests.Storage;

/// <summary>Grain state through the runtime and the test cluster's SQLite storage: what survives restarts and crashes.</summary>
public sealed class GrainPersistenceTests
{
    [Fact]
    public async Task State_written_before_a_graceful_restart_is_there_after_it_and_the_grains_can_keep_writing()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var keys = Enumerable.Range(1, 10).Select(i => $"restarted-{i}").ToList();
        await Task.WhenAll(keys.Select((key, i) => cluster.Client.GetGrain<IPersistentCounterGrain>(key).Add(i + 1)));

        await cluster.RestartSiloAsync();

        for (var i = 0; i < keys.Count; i++)
        {
            var counter = cluster.Client.GetGrain<IPersistentCounterGrain>(keys[i]);
            Assert.Equal(i + 1, await counter.Get());
            Assert.Equal(i + 2, await counter.Add(1));
        }
    }

    [Fact]
    public async Task Every_acknowledged_write_is_there_after_the_silo_is_killed()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var keys = Enumerable.Range(1, 20).Select(i => $"killed-{i}").ToList();
        const int writesPerGrain = 5;

        // All writes are acknowledged before the kill, so none may be missing afterwards.
        await Task.WhenAll(keys.SelectMany(key => Enumerable.Range(0, writesPerGrain)
            .Select(_ => cluster.Client.GetGrain<IPersistentCounterGrain>(key).Add(1))));
        await cluster.KillSiloAsync();
        await cluster.DeployAsync();

        foreach (var key in keys)
        {
            var counter = cluster.Client.GetGrain<IPersistentCounterGrain>(key);
            Assert.Equal(writesPerGrain, await counter.Get());
            Assert.Equal(writesPerGrain + 1, await counter.Add(1));
        }
    }

    [Fact]
    public async Task Two_state_names_on_one_grain_are_written_and_cleared_independently()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var wallet = cluster.Client.GetGrain<IWalletGrain>("alice");
        await wallet.SetNickname("Ally");
        await wallet.Deposit(100);
        await wallet.RenameWithoutSavingAndDeposit("never saved", 50);

        await cluster.RestartSiloAsync();
        wallet = cluster.Client.GetGrain<IWalletGrain>("alice");
        Assert.Equal(150, await wallet.GetBalance());
        Assert.Equal("Ally", await wallet.GetNickname());

        await wallet.ClearNickname();
        await cluster.RestartSiloAsync();
        wallet = cluster.Client.GetGrain<IWalletGrain>("alice");
        Assert.Equal(150, await wallet.GetBalance());
        Assert.Equal(string.Empty, await wallet.GetNickname());
        Assert.False(await wallet.NicknameRecordExists());
    }

    [Fact]
    public async Task Two_grain_types_with_the_same_key_and_state_name_keep_separate_state()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        await cluster.Client.GetGrain<IPersistentCounterGrain>("shared").Add(5);
        await cluster.Client.GetGrain<IScoreGrain>("shared").Add(7);

        await cluster.RestartSiloAsync();

        Assert.Equal(5, await cluster.Client.GetGrain<IPersistentCounterGrain>("shared").Get());
        Assert.Equal(7, await cluster.Client.GetGrain<IScoreGrain>("shared").Get());
    }

    [Fact]
    public async Task String_keys_that_read_as_the_same_number_are_different_grains()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        await cluster.Client.GetGrain<IPersistentCounterGrain>("020235").Add(1);
        await cluster.Client.GetGrain<IPersistentCounterGrain>("20235").Add(2);

        await cluster.RestartSiloAsync();

        Assert.Equal(1, await cluster.Client.GetGrain<IPersistentCounterGrain>("020235").Get());
        Assert.Equal(2, await cluster.Client.GetGrain<IPersistentCounterGrain>("20235").Get());
    }
}
