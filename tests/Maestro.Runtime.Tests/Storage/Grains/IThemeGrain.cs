namespace Maestro.Runtime.Tests.Storage.Grains;

/// <summary>Keeps its state in <see cref="ThemeSettings"/>, which has no parameterless constructor.</summary>
public interface IThemeGrain : IGrainWithStringKey
{
    Task<string> GetTheme();
}
