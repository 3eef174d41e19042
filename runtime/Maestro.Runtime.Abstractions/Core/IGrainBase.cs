namespace Maestro.Runtime;

/// <summary>
/// What the runtime needs of a grain class. Derive from <see cref="Grain"/>, or implement this directly ("POCO grain")
/// and take an <see cref="IGrainContext"/> in the constructor.
/// </summary>
public interface IGrainBase
{
    IGrainContext GrainContext { get; }

    Task OnActivateAsync(CancellationToken token) => Task.CompletedTask;

    Task OnDeactivateAsync(DeactivationReason reason, CancellationToken token) => Task.CompletedTask;
}
