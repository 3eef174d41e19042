using Maestro.Runtime.Reminders;
using Maestro.Runtime.Statistics;
using Maestro.Runtime.Streams;
using Maestro.Runtime.Tests.Grains;
using Maestro.Runtime.Tests.Streams;
using Maestro.Runtime.Tests.Streams.Grains;

namespace Maestro.Runtime.Tests.Statistics;

/// <summary>
/// The dashboard's side of the runtime on one silo: call counting switched on only by a request for statistics and
/// off again after the window, the reminder table read a page at a time, and the stream queues with their owners.
/// </summary>
public sealed class GrainCallStatisticsTests
{
    [Fact]
    public async Task Calls_are_counted_by_type_and_method_with_errors_only_while_someone_asks_for_statistics()
    {
        await using var cluster = new InProcessTestClusterBuilder()
            .ConfigureSilo(s =>
            {
                s.Services.AddSingleton(new Probe());
                s.Configure<GrainCallStatisticsOptions>(o => o.CollectionWindow = TimeSpan.FromSeconds(1));
            })
            .Build();
        await cluster.DeployAsync();
        var statistics = cluster.ServiceProvider.GetRequiredService<GrainCallStatistics>();
        var grain = cluster.Client.GetGrain<ICallGrain>("counted");
        var silo = cluster.Client.GetGrain<ISiloStatisticsGrain>("local");

        // Nobody has looked: nothing is counted.
        Assert.Equal(1, await grain.Divide(2, 2));
        Assert.False(statistics.IsCollecting);

        var first = await silo.GetStatistics();
        Assert.True(first.Collecting);
        Assert.Equal("test-silo", first.SiloName);
        Assert.DoesNotContain(first.Methods, m => m.Method == "ICallGrain.Divide");

        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(2, await grain.Divide(6, 3));
        }

        await Assert.ThrowsAnyAsync<ArithmeticException>(() => grain.Divide(1, 0));
        var report = await silo.GetStatistics();
        var divide = Assert.Single(report.Methods, m => m.Method == "ICallGrain.Divide");
        Assert.Equal((201L, 1L), (divide.Calls, divide.Errors));
        // Until the first per-second sample sets how many calls are timed, every call is: a quiet silo's latency is exact.
        Assert.True(divide.TotalMilliseconds > 0, "None of 201 calls was timed.");
        Assert.Equal(1, report.ActivationsByType[divide.GrainType]);
        Assert.Equal(report.ActivationsByType.Values.Sum(), report.ActivationCount);

        // The sampler turns the totals into per-second history while someone keeps looking.
        var sampled = 0L;
        await Probe.Eventually(
            () =>
            {
                sampled = silo.GetStatistics().GetAwaiter().GetResult().History.Sum(s => s.Calls);
                return sampled >= 201;
            },
            "the history holds the 201 calls");

        // Nobody asks any more: counting stops after the window, and calls meanwhile are not counted.
        await Probe.Eventually(() => !statistics.IsCollecting, "statistics switched off after the window");
        Assert.Equal(4, await grain.Divide(8, 2));
        var fresh = await silo.GetStatistics();
        Assert.DoesNotContain(fresh.Methods, m => m.Method == "ICallGrain.Divide");
        Assert.Empty(fresh.History);
    }

    [Fact]
    public async Task Reminders_are_read_a_page_at_a_time_and_stream_queues_show_their_owner()
    {
        await using var cluster = await StreamTests.StartAsync(new StreamRecorder());
        var grain = cluster.Client.GetGrain<IReminderGrain>("paged");
        for (var i = 0; i < 30; i++)
        {
            await grain.Register($"reminder-{i:D2}", TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        }

        var listing = cluster.ServiceProvider.GetRequiredService<ReminderListing>();
        var first = await listing.ReadPageAsync(0, 25, TestContext.Current.CancellationToken);
        var second = await listing.ReadPageAsync(25, 25, TestContext.Current.CancellationToken);

        Assert.Equal((30L, 25, 5), (first.Total, first.Items.Count, second.Items.Count));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"reminder-{i:D2}"), first.Items.Concat(second.Items).Select(r => r.Name));
        Assert.All(first.Items, r => Assert.Equal(TimeSpan.FromHours(1), r.Period));
        Assert.All(first.Items, r => Assert.True(r.NextTick > DateTime.UtcNow));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => listing.ReadPageAsync(0, ReminderListing.MaxLimit + 1, TestContext.Current.CancellationToken));

        var queues = cluster.ServiceProvider.GetRequiredService<StreamQueueListing>();
        IReadOnlyList<StreamQueueStatus> statuses = [];
        await Probe.Eventually(
            () =>
            {
                statuses = queues.ReadAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult();
                return statuses.Count == 8 && statuses.All(q => q.Owner is not null);
            },
            "every queue of the provider has an owner");
        Assert.All(statuses, q => Assert.Equal((StreamTests.ProviderName, 0L), (q.Provider, q.DeadLetters)));

        // A client (the REST gateway has no database) reads both tables through the silo's statistics grain.
        var host = Assert.Single(await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true));
        var silo = cluster.Client.GetGrain<ISiloStatisticsGrain>(host.Address);
        var page = await silo.GetReminderPage(25, 25);
        Assert.Equal((30L, 25, 25), (page.Total, page.Offset, page.Limit));
        Assert.Equal(second.Items.Select(r => r.Name), page.Items.Select(r => r.Name));
        Assert.Equal(statuses.Select(q => q.Queue).Order(), (await silo.GetStreamQueues()).Select(q => q.Queue).Order());
        Assert.False(cluster.ServiceProvider.GetRequiredService<GrainCallStatistics>().IsCollecting, "Reading the tables switched counting on.");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1_000, 0)]
    [InlineData(1_001, 1)]
    [InlineData(100_000, 127)]
    [InlineData(2_000_000, 2047)]
    [InlineData(1_000_000_000, GrainCallStatistics.MaxTimingInterval - 1)]
    public void About_a_thousand_calls_a_second_are_timed_whatever_the_load(long callsPerSecond, int mask) =>
        Assert.Equal(mask, GrainCallStatistics.TimingMask(callsPerSecond));
}
