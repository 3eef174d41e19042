namespace Maestro.Grains.Healing.Strategies;

/// <summary>A package or module an error names as missing.</summary>
/// <param name="Ecosystem">dotnet, npm or python.</param>
/// <param name="Name">As the error names it (a module, a namespace, an assembly).</param>
/// <param name="Package">The package that provides it.</param>
/// <param name="Confidence">How sure the name maps to that package.</param>
/// <param name="Evidence">The error text it was read from.</param>
public sealed record MissingDependency(string Ecosystem, string Name, string Package, double Confidence, string Evidence);
