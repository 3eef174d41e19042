namespace Maestro.Runtime;

/// <summary>The silo that should run the call is stopping, stopped or unreachable. The call did not run; it is safe to retry.</summary>
public class SiloUnavailableException : OrleansException
{
    public SiloUnavailableException()
    {
    }

    public SiloUnavailableException(string message)
        : base(message)
    {
    }

    public SiloUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
