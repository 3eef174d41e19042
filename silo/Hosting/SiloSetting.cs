namespace Maestro.Silo.Hosting;

/// <summary>One setting of the silo host: its command-line switch, its configuration key and its default, for help.</summary>
/// <param name="Switch">The command-line switch, e.g. <c>--port</c>.</param>
/// <param name="ValueName">How help names the value, e.g. <c>&lt;n&gt;</c>.</param>
/// <param name="Property">The <see cref="MaestroOptions"/> property it sets.</param>
/// <param name="Description">What it does, for help.</param>
/// <param name="DefaultValue">Its default, as help prints it.</param>
public sealed record SiloSetting(string Switch, string ValueName, string Property, string Description, string DefaultValue)
{
    /// <summary>The configuration key, e.g. <c>Maestro:Port</c>.</summary>
    public string Key => $"{MaestroOptions.SectionName}:{Property}";

    /// <summary>How an error message names the setting: <c>--port (Maestro:Port)</c>.</summary>
    public string DisplayName => $"{Switch} ({Key})";
}
