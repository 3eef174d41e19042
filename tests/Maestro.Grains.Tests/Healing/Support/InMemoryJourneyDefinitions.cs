using System.Collections.Concurrent;
using Maestro.Grains.Healing.Locators;

namespace Maestro.Grains.Tests.Healing;

/// <summary>Journey YAML by suite and journey, as the journey runner would give it.</summary>
public sealed class InMemoryJourneyDefinitions : IJourneyDefinitionSource
{
    private readonly ConcurrentDictionary<(string, string), string> definitions = new();

    public void Set(string suite, string journey, string yaml) => definitions[(suite, journey)] = yaml;

    public Task<string?> GetDefinitionAsync(string suite, string journey, CancellationToken cancellationToken) =>
        Task.FromResult(definitions.TryGetValue((suite, journey), out var yaml) ? yaml : null);
}
