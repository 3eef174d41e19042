namespace Maestro.Silo.Hosting;

/// <summary>A setting the silo cannot start with; its message is one line that names the setting.</summary>
public sealed class SiloConfigurationException : Exception
{
    public SiloConfigurationException()
    {
    }

    public SiloConfigurationException(string message)
        : base(message)
    {
    }

    public SiloConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
