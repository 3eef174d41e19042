namespace Maestro.Gateway.Hosting;

/// <summary>A gateway setting is invalid; the message names the setting and what is wrong, in one line.</summary>
public sealed class GatewayConfigurationException : Exception
{
    public GatewayConfigurationException()
    {
    }

    public GatewayConfigurationException(string message)
        : base(message)
    {
    }

    public GatewayConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
