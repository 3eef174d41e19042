using System.Diagnostics;
using Maestro.Runtime.Configuration;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Tests.Grains;

namespace Maestro.Runtime.Tests.Runtime;

/// <summary>
/// One caller calling back to back makes each new turn arrive just as the activation's previous thread-pool visit
/// ends: the window where a lost wake-up leaves the request queued with nobody scheduled to run it. Before the fix in
/// ActivationTaskScheduler this stalled within seconds on a 2-core machine; a pass here is evidence, not proof.
/// </summary>
public sealed class SchedulerStallTests
{
    [Fact]
    public async Task Back_to_back_calls_never_stall()
    {
        await using var cluster = new InProcessTestClusterBuilder()
            .ConfigureSilo(silo => silo.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)))
            .Build();
        await cluster.DeployAsync();
        var callers = new[] { cluster.Client.GetGrain<ICounterGrain>("stall") };
        await Task.WhenAll(callers.Select(g => g.Get()));

        var until = Stopwatch.GetTimestamp() + (4 * Stopwatch.Frequency);
        var calls = 0L;
        Exception? stall = null;
        await Task.WhenAll(callers.Select(grain => Task.Run(async () =>
        {
            try
            {
                while (Stopwatch.GetTimestamp() < until && Volatile.Read(ref stall) is null)
                {
                    await grain.Get();
                    Interlocked.Increment(ref calls);
                }
            }
            catch (TimeoutException ex)
            {
                Interlocked.CompareExchange(ref stall, ex, null);
            }
        }, TestContext.Current.CancellationToken)));

        if (stall is not null)
        {
            // A stalled activation never finishes its request, so a graceful stop would wait for it in vain.
            await cluster.KillSiloAsync();
            Assert.Fail($"A call stalled after {calls:N0} calls: {stall.Message}");
        }

        Assert.True(calls > 1000, $"Only {calls} calls completed.");
    }
}
