using System.Reflection;

namespace Maestro.Runtime.Metadata;

/// <summary>Derives a grain class's <see cref="GrainType"/>: the attribute if present, else the class name without "Grain", lower-cased.</summary>
internal static class GrainTypeNaming
{
    private const string Suffix = "Grain";

    public static GrainType For(Type grainClass)
    {
        if (grainClass.GetCustomAttribute<GrainTypeAttribute>() is { } attribute)
        {
            return new GrainType(attribute.GrainType);
        }

        var name = grainClass.Name;
        if (name.Length > Suffix.Length && name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            name = name[..^Suffix.Length];
        }

        return new GrainType(name.ToLowerInvariant());
    }
}
