namespace Maestro.Runtime;

/// <summary>Why an activation was deactivated; the values mirror Orleans.</summary>
public enum DeactivationReasonCode
{
    None,
    ShuttingDown,
    ActivationFailed,
    DirectoryFailure,
    ActivationIdle,
    ActivationUnresponsive,
    DuplicateActivation,
    IncompatibleRequest,
    ApplicationError,
    ApplicationRequested,
    Migrating,
    RuntimeRequested,
    HighMemoryPressure,
}
