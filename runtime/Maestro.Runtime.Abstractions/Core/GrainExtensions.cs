namespace Maestro.Runtime;

/// <summary>Key helpers, as in Orleans: usable on a grain reference and inside a grain.</summary>
public static class GrainExtensions
{
    public static GrainId GetGrainId(this IAddressable grain) => grain switch
    {
        IGrainIdentity identity => identity.GrainId,
        IGrainBase grainBase => grainBase.GrainContext.GrainId,
        null => throw new ArgumentNullException(nameof(grain)),
        _ => throw new ArgumentException($"{grain.GetType()} is neither a grain nor a grain reference.", nameof(grain)),
    };

    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;

    public static Guid GetPrimaryKey(this IAddressable grain) => GrainKeyFormat.ToGuid(grain.GetGrainId().Key, out _);

    public static Guid GetPrimaryKey(this IAddressable grain, out string? keyExtension) =>
        GrainKeyFormat.ToGuid(grain.GetGrainId().Key, out keyExtension);

    public static long GetPrimaryKeyLong(this IAddressable grain) => GrainKeyFormat.ToInteger(grain.GetGrainId().Key, out _);

    public static long GetPrimaryKeyLong(this IAddressable grain, out string? keyExtension) =>
        GrainKeyFormat.ToInteger(grain.GetGrainId().Key, out keyExtension);

    /// <summary>A reference to this grain (or another reference) typed as <typeparamref name="TGrainInterface"/>, for handing to other grains.</summary>
    public static TGrainInterface AsReference<TGrainInterface>(this IAddressable grain)
        where TGrainInterface : IAddressable
    {
        if (grain is TGrainInterface reference and IGrainIdentity)
        {
            return reference;
        }

        var services = grain switch
        {
            IGrainBase grainBase => grainBase.GrainContext.ActivationServices,
            IGrainContext context => context.ActivationServices,
            _ => throw new ArgumentException($"{grain.GetType()} is not a grain; only grains can make references to themselves.", nameof(grain)),
        };
        var factory = (IGrainFactory?)services.GetService(typeof(IGrainFactory))
            ?? throw new InvalidOperationException("No IGrainFactory is registered.");
        return factory.GetGrain<TGrainInterface>(grain.GetGrainId());
    }
}
