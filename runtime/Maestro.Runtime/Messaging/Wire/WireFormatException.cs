namespace Maestro.Runtime.Messaging.Wire;

/// <summary>A message from the wire is malformed, too large, or names something this silo does not know.</summary>
internal sealed class WireFormatException : OrleansException
{
    public WireFormatException(string message)
        : base(message)
    {
    }

    public WireFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
