namespace Maestro.Runtime.Tests.Storage.Grains;

public sealed class ThemeGrain([PersistentState("settings")] IPersistentState<ThemeSettings> settings) : Grain, IThemeGrain
{
    public Task<string> GetTheme() => Task.FromResult(settings.State.Theme);
}
