namespace Maestro.Runtime.Metadata;

/// <summary>
/// Which grain type a reference to a grain interface carries: in a silo from its own grain classes, in a client from
/// the manifest a gateway served.
/// </summary>
internal interface IGrainTypeResolver
{
    /// <summary>The grain type of the one class implementing <paramref name="grainInterface"/> (whose full name starts with the prefix, when given).</summary>
    /// <exception cref="ArgumentException">No class, or several, match.</exception>
    GrainType Resolve(Type grainInterface, string? grainClassNamePrefix);
}
