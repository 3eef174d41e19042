using Maestro.Runtime.Activation;
using Maestro.Runtime.Configuration;

namespace Maestro.Runtime.Hosting;

/// <summary>The <see cref="ISiloStatus"/> of this silo; <see cref="SiloHostedService"/> marks it started.</summary>
internal sealed class LocalSiloStatus(GrainRuntime runtime, IOptions<SiloOptions> siloOptions, TimeProvider timeProvider) : ISiloStatus
{
    private long startedAtUtcTicks;

    public string SiloName => siloOptions.Value.SiloName;

    public DateTimeOffset? StartedAt
    {
        get
        {
            var ticks = Interlocked.Read(ref startedAtUtcTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public int ActivationCount => runtime.Catalog.ActivationCount;

    internal void MarkStarted() => Interlocked.Exchange(ref startedAtUtcTicks, timeProvider.GetUtcNow().UtcTicks);
}
