using Maestro.Runtime.Storage;

namespace Maestro.Runtime.Activation;

/// <summary>A freshly constructed grain and the persistent states to load before it activates.</summary>
internal sealed record CreatedGrain(object Instance, IReadOnlyList<IStateLoader> States);
