namespace Maestro.Grains.Healing.Locators;

/// <summary>The journey YAML a locator came from, so a heal can be written as a patch to it. The journey runner implements it.</summary>
public interface IJourneyDefinitionSource
{
    /// <summary>The suite's journey definition (YAML text), or null when it is not known.</summary>
    Task<string?> GetDefinitionAsync(string suite, string journey, CancellationToken cancellationToken);
}
