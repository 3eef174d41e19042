namespace Maestro.Runtime;

/// <summary>Timer registration and deactivation for any grain, as Orleans offers on <see cref="IGrainBase"/>.</summary>
public static class GrainBaseExtensions
{
    public static void DeactivateOnIdle(this IGrainBase grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));
    }

    public static IGrainTimer RegisterGrainTimer<TState>(this IGrainBase grain, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(callback);
        var registry = (ITimerRegistry?)grain.GrainContext.ActivationServices.GetService(typeof(ITimerRegistry))
            ?? throw new InvalidOperationException("No ITimerRegistry is registered: is this grain hosted by a silo?");
        return registry.RegisterGrainTimer(grain.GrainContext, callback, state, options);
    }

    public static IGrainTimer RegisterGrainTimer<TState>(this IGrainBase grain, Func<TState, CancellationToken, Task> callback, TState state, TimeSpan dueTime, TimeSpan period) =>
        grain.RegisterGrainTimer(callback, state, new GrainTimerCreationOptions(dueTime, period));

    public static IGrainTimer RegisterGrainTimer<TState>(this IGrainBase grain, Func<TState, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return grain.RegisterGrainTimer((s, _) => callback(s), state, options);
    }

    public static IGrainTimer RegisterGrainTimer<TState>(this IGrainBase grain, Func<TState, Task> callback, TState state, TimeSpan dueTime, TimeSpan period) =>
        grain.RegisterGrainTimer(callback, state, new GrainTimerCreationOptions(dueTime, period));

    public static IGrainTimer RegisterGrainTimer(this IGrainBase grain, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return grain.RegisterGrainTimer((c, ct) => c(ct), callback, options);
    }

    public static IGrainTimer RegisterGrainTimer(this IGrainBase grain, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        grain.RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));

    public static IGrainTimer RegisterGrainTimer(this IGrainBase grain, Func<Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return grain.RegisterGrainTimer((c, _) => c(), callback, options);
    }

    public static IGrainTimer RegisterGrainTimer(this IGrainBase grain, Func<Task> callback, TimeSpan dueTime, TimeSpan period) =>
        grain.RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));
}
