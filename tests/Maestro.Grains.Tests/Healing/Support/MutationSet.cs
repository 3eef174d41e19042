using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Maestro.Grains.Tests.Healing;

/// <summary>Loads the mutation set from the repository (the tests' and the benchmark's accuracy set).</summary>
public static class MutationSet
{
    /// <summary>The folder, found from the running program up to the repository root.</summary>
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Maestro.Grains.Tests", "Healing", "Mutations");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/Maestro.Grains.Tests/Healing/Mutations was not found above {AppContext.BaseDirectory}.");
    }

    public static IReadOnlyList<MutationCase> Load()
    {
        var reader = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        return Directory.GetFiles(Folder(), "*.yaml").Order(StringComparer.Ordinal)
            .Select(file =>
            {
                var item = reader.Deserialize<MutationCase>(File.ReadAllText(file));
                if (string.IsNullOrEmpty(item.Name) || string.IsNullOrEmpty(item.Locator) || item.Expected is not ("healed" or "refused")
                    || (item.ExpectsHeal && string.IsNullOrEmpty(item.ExpectedElement)))
                {
                    throw new InvalidDataException($"{file}: name, locator, expected (healed or refused) and, for healed, expectedElement are required.");
                }

                return item;
            })
            .ToList();
    }
}
