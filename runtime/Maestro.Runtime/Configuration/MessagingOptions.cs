namespace Maestro.Runtime.Configuration;

/// <summary>Grain call settings.</summary>
public sealed class MessagingOptions
{
    /// <summary>
    /// How long a caller waits for a response before the call fails with <see cref="TimeoutException"/>. A timed-out
    /// call's outcome is unknown: it may still run. Default 30 s, as in Orleans.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
