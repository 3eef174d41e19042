namespace Maestro.Runtime.Configuration;

/// <summary>This silo's own settings.</summary>
public sealed class SiloOptions
{
    /// <summary>A name for logs and the dashboard. Default: the machine name and process id.</summary>
    public string SiloName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";
}
