namespace Maestro.Silo.Tests.Cluster;

/// <summary>
/// F6 (orleans.md §7.9): a silo is paused (SIGSTOP) past its lease; the others declare it dead and take its grains.
/// Resumed (SIGCONT), it commits nothing more: not to the grains the survivors wrote since (whose ETags moved on), and
/// not to the ones nobody touched (whose ETags its stale activations still hold). It refuses the calls because its
/// lease ran out (SiloUnavailableException, 503 over the test endpoint), or its write is refused by the database fence
/// (InconsistentStateException, 409); no increment is lost or doubled, and once it has read its own row as Dead it
/// reports so and keeps refusing.
/// </summary>
public sealed class PausedSiloTests
{
    private const int Keys = 30;

    [Fact]
    public async Task A_silo_paused_past_its_lease_cannot_write_stale_state_and_stops_serving_when_resumed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await SiloCluster.StartAsync(3, ct);
        var (survivor, victim) = (cluster.Silos[0], cluster.Silos[2]);
        var ledger = new CounterLedger();
        var keys = Enumerable.Range(0, Keys).Select(i => $"f6-{i}").ToArray();
        foreach (var key in keys)
        {
            ledger.Acknowledge(key, (await survivor.CallCounterValueAsync(key, "Increment", ct)).GetInt64());
        }

        var victimKeys = new List<string>();
        foreach (var key in keys)
        {
            if ((await survivor.CallCounterValueAsync(key, "GetSiloName", ct)).GetString() == victim.Name)
            {
                victimKeys.Add(key);

                // Through the victim itself too, so its activation holds the state it will later try to overwrite.
                ledger.Acknowledge(key, (await victim.CallCounterValueAsync(key, "Increment", ct)).GetInt64());
            }
        }

        Assert.True(victimKeys.Count >= 2, $"The victim hosts {victimKeys.Count} of {Keys} counters; the test needs two.");

        // The survivors write half of the victim's grains after the takeover; the other half keeps the ETags the
        // victim's stale activations hold, so only fencing can stop their writes.
        var takenOver = victimKeys.Take(victimKeys.Count / 2).ToList();

        await victim.Process.SignalAsync("STOP", ct);
        Task<(string Key, HttpStatusCode Status, string Body)[]> staleCalls;
        try
        {
            // Bounded: lease (10 s) + grace (3 s) + a sweep; then the survivors own the victim's grains.
            await cluster.WaitUntilAllSeeAsync(2, ct, [cluster.Silos[0], cluster.Silos[1]]);
            foreach (var key in takenOver)
            {
                ledger.Acknowledge(key, (await survivor.CallCounterValueAsync(key, "Increment", ct)).GetInt64());
                Assert.NotEqual(victim.Name, (await survivor.CallCounterValueAsync(key, "GetSiloName", ct)).GetString());
            }

            // Sent while it is still paused, so they wait in its sockets and race its first heartbeat once it resumes.
            staleCalls = Task.WhenAll(victimKeys.Select(async key =>
            {
                using var response = await victim.CallCounterAsync(key, "Increment", ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                return (Key: key, Status: response.StatusCode, Body: body);
            }));
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
        finally
        {
            await victim.Process.SignalAsync("CONT", ct);
        }

        var outcomes = await staleCalls;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Resumed silo answered: {string.Join(", ", outcomes.GroupBy(o => o.Status).Select(g => $"{(int)g.Key} x{g.Count()}"))}");
        foreach (var (key, status, body) in outcomes)
        {
            switch (status)
            {
                case HttpStatusCode.Conflict:
                    Assert.Contains("InconsistentStateException", body, StringComparison.Ordinal);
                    break;
                case HttpStatusCode.ServiceUnavailable:
                    Assert.Contains("SiloUnavailableException", body, StringComparison.Ordinal);
                    break;
                default:
                    Assert.Fail($"Increment of {key} through the silo resumed after its death answered {(int)status}; it must be refused: {body}");
                    break;
            }
        }

        // Bounded: its next heartbeat reads its row as Dead; from then on it reports Dead and refuses work.
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        while (true)
        {
            var health = await victim.GetJsonAsync("/health", ct);
            if (health.GetProperty("cluster").GetProperty("status").GetString() == "Dead")
            {
                Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The resumed silo did not report itself Dead within {SiloProcess.Patience}: {health}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }

        foreach (var key in victimKeys)
        {
            using var refused = await victim.CallCounterAsync(key, "Increment", ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }

        foreach (var key in keys)
        {
            var final = (await survivor.CallCounterValueAsync(key, "Get", ct)).GetInt64();
            ledger.AssertConsistent(key, final);
        }

        // The stale writes were refused, not applied: every victim key holds exactly its acknowledged increments, those
        // nobody wrote after the takeover included.
        foreach (var key in victimKeys)
        {
            Assert.Equal(ledger.Acknowledged(key).Count, (await survivor.CallCounterValueAsync(key, "Get", ct)).GetInt64());
        }
    }
}
