using System.Collections.Concurrent;
using System.Reflection;
using Maestro.Runtime.Configuration;

namespace Maestro.Runtime.Metadata;

/// <summary>The grain classes this silo can host, by grain type, and which class implements each grain interface.</summary>
internal sealed class GrainManifest : IGrainTypeResolver
{
    private readonly Dictionary<GrainType, GrainClassMetadata> classes;
    private readonly ConcurrentDictionary<(Type Interface, string? Prefix), GrainClassMetadata> resolved = new();

    public GrainManifest(IOptions<GrainTypeOptions> options, ILogger<GrainManifest> logger)
    {
        var discovered = DiscoverAssemblies(options.Value)
            .SelectMany(GetLoadableTypes)
            .Where(IsGrainClass)
            .Distinct()
            .ToList();

        var duplicates = discovered.GroupBy(GrainTypeNaming.For).Where(g => g.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidOperationException("Two grain classes share a grain type name; give each a distinct [GrainType(\"...\")]: " +
                string.Join("; ", duplicates.Select(g => $"'{g.Key}' is used by {string.Join(" and ", g.Select(t => t.FullName))}")));
        }

        classes = discovered.ToDictionary(GrainTypeNaming.For, t => new GrainClassMetadata(t, GrainTypeNaming.For(t)));
        logger.LogDebug("Grain classes: {Classes}", string.Join(", ", classes.Keys));
    }

    public IReadOnlyCollection<GrainClassMetadata> Classes => classes.Values;

    public GrainClassMetadata GetClass(GrainType grainType) =>
        classes.TryGetValue(grainType, out var metadata)
            ? metadata
            : throw new OrleansException($"No grain class with grain type '{grainType}' is hosted by this silo.");

    public GrainType Resolve(Type grainInterface, string? grainClassNamePrefix) => ResolveClass(grainInterface, grainClassNamePrefix).GrainType;

    /// <summary>The class that implements <paramref name="grainInterface"/>; with several, the one whose full name starts with the prefix.</summary>
    public GrainClassMetadata ResolveClass(Type grainInterface, string? grainClassNamePrefix) =>
        resolved.GetOrAdd((grainInterface, grainClassNamePrefix), static (key, all) =>
        {
            var candidates = all.Values.Where(c => key.Interface.IsAssignableFrom(c.ClassType)).ToList();
            if (key.Prefix is not null)
            {
                candidates = candidates.Where(c => c.ClassType.FullName!.StartsWith(key.Prefix, StringComparison.Ordinal)).ToList();
            }

            return candidates.Count switch
            {
                1 => candidates[0],
                0 => throw new ArgumentException(
                    $"No grain class implements {key.Interface.FullName}" + (key.Prefix is null ? "." : $" with a name starting '{key.Prefix}'.") +
                    " Is the assembly that holds it loaded, or added to GrainTypeOptions.Assemblies?"),
                _ => throw new ArgumentException(
                    $"Several grain classes implement {key.Interface.FullName} ({string.Join(", ", candidates.Select(c => c.ClassType.FullName))}); " +
                    "pass grainClassNamePrefix to GetGrain to choose one."),
            };
        }, classes);

    private static IEnumerable<Assembly> DiscoverAssemblies(GrainTypeOptions options)
    {
        var found = new HashSet<Assembly>(options.Assemblies);
        if (!options.ScanLoadedAssemblies)
        {
            return found;
        }

        var abstractions = typeof(IGrain).Assembly.GetName().Name;
        var pending = new Stack<Assembly>(AppDomain.CurrentDomain.GetAssemblies());
        if (Assembly.GetEntryAssembly() is { } entry)
        {
            pending.Push(entry);
        }

        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var assembly))
        {
            if (assembly.IsDynamic || !visited.Add(assembly.FullName!))
            {
                continue;
            }

            var references = assembly.GetReferencedAssemblies();
            if (references.Any(r => r.Name == abstractions))
            {
                found.Add(assembly);
                foreach (var reference in references)
                {
                    if (TryLoad(reference) is { } loaded)
                    {
                        pending.Push(loaded);
                    }
                }
            }
        }

        return found;
    }

    private static Assembly? TryLoad(AssemblyName name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }

    private static IEnumerable<Type> GetLoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }

    private static bool IsGrainClass(Type type) =>
        type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }
        && typeof(IGrain).IsAssignableFrom(type)
        && typeof(IGrainBase).IsAssignableFrom(type);
}
