namespace Maestro.Runtime.Activation;

/// <summary>One unit of work for an activation: a request or a timer tick. The activation's request gate decides when it runs.</summary>
internal abstract class ActivationWorkItem
{
    /// <summary>May run while another request is running.</summary>
    public virtual bool AlwaysInterleave => false;

    public virtual bool IsReadOnly => false;

    /// <summary>The call chain this work belongs to, for call-chain reentrancy; <see cref="Guid.Empty"/> when none.</summary>
    public virtual Guid ReentrancyId => Guid.Empty;

    /// <summary>Arriving counts as activity for idle collection.</summary>
    public virtual bool CountsAsActivity => true;

    /// <summary>Sent to a fresh activation if this one is deactivated before running it (requests are; timer ticks are not).</summary>
    public virtual bool CanForward => false;

    /// <summary>Runs the work inside the activation's turn. Must not throw: report errors to the caller.</summary>
    public abstract Task ExecuteAsync(ActivationData activation);

    /// <summary>The work will never run (the activation failed or was dropped); tell whoever waits.</summary>
    public abstract void Fail(Exception exception);

    /// <summary>True when the caller no longer waits (timed out or cancelled): skip the work.</summary>
    public virtual bool IsAbandoned => false;
}
