using Maestro.Runtime.Activation;

namespace Maestro.Runtime.Timers;

/// <summary>Creates grain timers for activations of this silo.</summary>
internal sealed class TimerRegistry : ITimerRegistry
{
    public IGrainTimer RegisterGrainTimer<TState>(IGrainContext grainContext, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var activation = grainContext as ActivationData
            ?? throw new ArgumentException("Timers can only be registered for activations of this silo.", nameof(grainContext));
        return new GrainTimer<TState>(activation, callback, state, options);
    }
}
