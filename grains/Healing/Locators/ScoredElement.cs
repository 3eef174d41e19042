using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing.Locators;

/// <summary>A live element with its score against the reference and the terms behind it.</summary>
public sealed record ScoredElement(ElementDescriptor Element, double Score, IReadOnlyList<ScoreTerm> Terms);
