using Maestro.Runtime.Cluster;

namespace Maestro.Runtime.Placement;

/// <summary>The director of each <see cref="PlacementAttribute"/>; a grain class without one is placed at random.</summary>
internal sealed class PlacementDirectors
{
    private readonly RandomPlacementDirector random = new();
    private readonly PreferLocalPlacementDirector preferLocal;
    private readonly HashBasedPlacementDirector hashBased = new();
    private readonly ActivationCountPlacementDirector activationCount;
    private readonly SiloBoundPlacementDirector siloBound = new();

    public PlacementDirectors(ClusterView view)
    {
        preferLocal = new PreferLocalPlacementDirector(random);
        activationCount = new ActivationCountPlacementDirector(view);
    }

    public IPlacementDirector For(PlacementAttribute? strategy) => strategy switch
    {
        PreferLocalPlacementAttribute => preferLocal,
        HashBasedPlacementAttribute => hashBased,
        ActivationCountBasedPlacementAttribute => activationCount,
        SiloBoundPlacementAttribute => siloBound,
        _ => random,
    };
}
