namespace Maestro.Runtime;

/// <summary>Base of the runtime's own errors; the name mirrors Orleans.</summary>
public class OrleansException : Exception
{
    public OrleansException()
    {
    }

    public OrleansException(string message)
        : base(message)
    {
    }

    public OrleansException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
