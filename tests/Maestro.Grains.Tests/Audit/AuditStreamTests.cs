using Maestro.GrainInterfaces.Audit;
using Maestro.GrainInterfaces.Events;
using Maestro.Grains.Audit;
using Maestro.Runtime.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Grains.Tests.Audit;

/// <summary>
/// The audit log through the <c>maestro.audit</c> stream, as the silo and the gateway run it: what the stream delivers
/// is appended by the day grain's implicit subscription, once per event id however often it is delivered.
/// </summary>
public sealed class AuditStreamTests
{
    [Fact]
    public async Task An_event_published_on_the_audit_stream_lands_in_the_log_through_the_subscription()
    {
        await using var cluster = await DomainCluster.StartAsync(streams: true);
        var entry = AuditEntriesForTests.At(TimeProvider.System.GetUtcNow(), target: "service:streamed");

        await DayStream(cluster, entry).OnNextAsync(new AuditEvent(Guid.NewGuid().ToString("N"), entry));

        var records = await RecordsAsync(cluster, "service:streamed", count: 1);
        Assert.Equal(entry.Action, records.Single().Entry.Action);
    }

    [Fact]
    public async Task A_redelivered_event_is_appended_once()
    {
        await using var cluster = await DomainCluster.StartAsync(streams: true);
        var now = TimeProvider.System.GetUtcNow();
        var twice = new AuditEvent(Guid.NewGuid().ToString("N"), AuditEntriesForTests.At(now, target: "service:twice"));
        var marker = new AuditEvent(Guid.NewGuid().ToString("N"), AuditEntriesForTests.At(now, target: "service:marker"));
        var stream = DayStream(cluster, twice.Entry);

        // The same event three times, as at-least-once delivery may hand it over after a crash, then a marker: a
        // stream delivers in order, so once the marker is in the log every copy before it has been handled.
        await stream.OnNextAsync(twice);
        await stream.OnNextBatchAsync([twice, twice]);
        await stream.OnNextAsync(marker);

        await RecordsAsync(cluster, "service:marker", count: 1);
        var records = await cluster.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditFilter(Target: "service:twice"));
        Assert.Single(records);
    }

    [Fact]
    public async Task An_append_through_the_log_is_readable_at_once_and_stays_one_record_after_the_stream_delivers_it()
    {
        await using var cluster = await DomainCluster.StartAsync(streams: true);
        var log = cluster.ServiceProvider.GetRequiredService<IAuditLog>();
        Assert.IsType<StreamAuditLog>(log);
        var now = TimeProvider.System.GetUtcNow();

        var appended = await log.AppendAsync(AuditEntriesForTests.At(now, target: "service:direct"));
        var atOnce = await log.QueryAsync(new AuditFilter(Target: "service:direct"));
        await DayStream(cluster, appended.Entry).OnNextAsync(new AuditEvent(Guid.NewGuid().ToString("N"), AuditEntriesForTests.At(now, target: "service:after")));

        Assert.Equal(appended.Id, Assert.Single(atOnce).Id);
        await RecordsAsync(cluster, "service:after", count: 1);
        Assert.Equal(appended.Id, Assert.Single(await log.QueryAsync(new AuditFilter(Target: "service:direct"))).Id);
    }

    private static IAsyncStream<AuditEvent> DayStream(InProcessTestCluster cluster, AuditEntry entry) =>
        cluster.Client.GetStreamProvider(MaestroStreams.ProviderName).GetStream<AuditEvent>(StreamId.Create(MaestroStreams.Audit, AuditEvent.DayOf(entry)));

    private static Task<IReadOnlyList<AuditRecord>> RecordsAsync(InProcessTestCluster cluster, string target, int count) =>
        Eventually.WaitForAsync(
            () => cluster.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditFilter(Target: target)),
            r => r.Count >= count,
            $"{count} record(s) for {target} in the audit log");
}
