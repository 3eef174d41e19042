using Maestro.GrainInterfaces.Workflows;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>A journeys file has problems; nothing of it ran. The message lists every problem with its line and column.</summary>
public sealed class JourneyDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception("the journeys definition is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
