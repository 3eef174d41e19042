namespace Maestro.Runtime;

/// <summary>The runtime's view of one grain activation, given to the grain as <see cref="IGrainBase.GrainContext"/>.</summary>
public interface IGrainContext : IGrainIdentity
{
    /// <summary>Unique per activation: a re-activation of the same grain gets a new one.</summary>
    Guid ActivationId { get; }

    object? GrainInstance { get; }

    /// <summary>A reference to this grain, for handing to other grains.</summary>
    IAddressable GrainReference { get; }

    IServiceProvider ActivationServices { get; }

    /// <summary>Asks the runtime to deactivate this activation once the current request completes.</summary>
    void Deactivate(DeactivationReason reason, CancellationToken cancellationToken = default);

    /// <summary>Keeps the activation alive for at least <paramref name="timeSpan"/>; <see cref="TimeSpan.Zero"/> cancels a previous delay.</summary>
    void DelayDeactivation(TimeSpan timeSpan);
}
