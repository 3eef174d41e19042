namespace Maestro.Runtime;

/// <summary>
/// The stored record changed since this activation read it: another activation (or a stale copy of this one) wrote it.
/// When it escapes a grain method from that grain's own state, the runtime deactivates the activation so the next
/// call reloads the current state.
/// </summary>
public class InconsistentStateException : OrleansException
{
    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base($"{message} Stored ETag: {storedEtag ?? "(none)"}; this activation's ETag: {currentEtag ?? "(none)"}.")
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The ETag in storage.</summary>
    public string? StoredEtag { get; }

    /// <summary>The ETag the writer held.</summary>
    public string? CurrentEtag { get; }

    /// <summary>The activation whose own state raised this, so a caller that merely receives it is not deactivated too.</summary>
    internal Guid SourceActivationId { get; set; }
}
