using System.Reflection;

namespace Maestro.Runtime.Configuration;

/// <summary>
/// Where grain classes come from. By default every loaded assembly that references the abstractions is scanned
/// (plus the entry assembly's references); add assemblies here when grains live in one that is not loaded yet.
/// </summary>
public sealed class GrainTypeOptions
{
    public HashSet<Assembly> Assemblies { get; } = [];

    /// <summary>When true (the default), loaded assemblies are scanned as well as <see cref="Assemblies"/>.</summary>
    public bool ScanLoadedAssemblies { get; set; } = true;
}
