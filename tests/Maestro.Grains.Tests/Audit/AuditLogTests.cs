using Maestro.GrainInterfaces.Audit;
using Maestro.Grains.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Grains.Tests.Audit;

/// <summary>The audit log on grains: append-only days sealed in chunks, queries, restart, retention.</summary>
public sealed class AuditLogTests
{
    [Fact]
    public async Task Records_across_sealed_chunks_come_back_in_order_with_ids_and_survive_a_crash()
    {
        await using var cluster = await DomainCluster.StartAsync(audit: o => o.ChunkSize = 3);
        var log = cluster.ServiceProvider.GetRequiredService<IAuditLog>();
        var now = TimeProvider.System.GetUtcNow();
        var appended = new List<AuditRecord>();
        for (var i = 0; i < 8; i++)
        {
            appended.Add(await log.AppendAsync(AuditEntriesForTests.At(now.AddMilliseconds(i), target: $"service:s{i}")));
        }

        await cluster.KillSiloAsync();
        await cluster.DeployAsync();

        var records = await cluster.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditFilter());
        Assert.Equal(appended.Select(a => a.Id), records.Select(r => r.Id));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"service:s{i}"), records.Select(r => r.Entry.Target));
        Assert.Equal(8, appended.Select(a => a.Id).Distinct().Count());
        var day = now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(3, (await cluster.Client.GetGrain<IAuditChunkGrain>($"{day}#1").GetAsync()).Count);
    }

    [Fact]
    public async Task Queries_filter_by_actor_target_action_and_time_range()
    {
        await using var cluster = await DomainCluster.StartAsync();
        var log = cluster.ServiceProvider.GetRequiredService<IAuditLog>();
        var now = TimeProvider.System.GetUtcNow();
        await log.AppendAsync(AuditEntriesForTests.At(now.AddDays(-2), actor: "aaaaaaaaaaaa", action: "keys.create", target: "key:1"));
        await log.AppendAsync(AuditEntriesForTests.At(now.AddDays(-1), actor: "bbbbbbbbbbbb", action: "services.register", target: "service:x"));
        await log.AppendAsync(AuditEntriesForTests.At(now, actor: "aaaaaaaaaaaa", action: "services.deregister", target: "service:x"));

        Assert.Equal(2, (await log.QueryAsync(new AuditFilter(Actor: "aaaaaaaaaaaa"))).Count);
        Assert.Equal(3, (await log.QueryAsync(new AuditFilter(Actor: "CI"))).Count);
        Assert.Equal(["services.register", "services.deregister"], (await log.QueryAsync(new AuditFilter(Target: "service:x"))).Select(r => r.Entry.Action));
        Assert.Single(await log.QueryAsync(new AuditFilter(Action: "keys.create")));
        Assert.Equal(["service:x"], (await log.QueryAsync(new AuditFilter(From: now.AddDays(-1).AddMinutes(-1), To: now))).Select(r => r.Entry.Target));
        Assert.Empty(await log.QueryAsync(new AuditFilter(From: now.AddMinutes(1))));
    }

    [Fact]
    public async Task Days_past_retention_are_not_returned_and_the_sweep_deletes_them()
    {
        await using var cluster = await DomainCluster.StartAsync(audit: o => o.RetentionDays = 5);
        var log = cluster.ServiceProvider.GetRequiredService<IAuditLog>();
        var sweeper = cluster.ServiceProvider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<AuditRetentionSweeper>().Single();

        // The silo sweeps once at start; that sweep must be over before the old day exists, or it could delete it first.
        await sweeper.FirstRoundEnded;
        var now = TimeProvider.System.GetUtcNow();
        await log.AppendAsync(AuditEntriesForTests.At(now.AddDays(-10), target: "service:old"));
        await log.AppendAsync(AuditEntriesForTests.At(now.AddDays(-4), target: "service:kept"));
        await log.AppendAsync(AuditEntriesForTests.At(now, target: "service:new"));

        Assert.Equal(["service:kept", "service:new"], (await log.QueryAsync(new AuditFilter())).Select(r => r.Entry.Target));

        var deleted = await sweeper.SweepAsync();

        Assert.Equal(1, deleted);
        Assert.Equal(2, (await cluster.Client.GetGrain<IAuditCatalogGrain>(IAuditCatalogGrain.Key).ListDaysAsync(null, null)).Count);
        Assert.Equal(0, await sweeper.SweepAsync());
        var oldDay = now.AddDays(-10).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty(await cluster.Client.GetGrain<IAuditDayGrain>(oldDay).QueryAsync(new AuditFilter()));
    }
}
