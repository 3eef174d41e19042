namespace Maestro.Runtime;

/// <summary>
/// A grain on another silo failed with an exception this process cannot recreate (its type is not loaded here, or has
/// no (string) or (string, Exception) constructor). It carries the original type name and message instead.
/// </summary>
public class RemoteGrainException : OrleansException
{
    public RemoteGrainException()
    {
    }

    public RemoteGrainException(string message)
        : base(message)
    {
    }

    public RemoteGrainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The type name the remote exception had, as written on the wire.</summary>
    public string? OriginalTypeName { get; init; }
}
