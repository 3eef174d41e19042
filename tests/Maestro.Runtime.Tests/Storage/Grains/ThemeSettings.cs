namespace Maestro.Runtime.Tests.Storage.Grains;

/// <summary>A state type a grain cannot start from: it has no parameterless constructor.</summary>
public sealed class ThemeSettings(string theme)
{
    public string Theme { get; } = theme;
}
