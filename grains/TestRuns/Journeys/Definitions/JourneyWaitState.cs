namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>What a <c>wait-for</c> step waits for.</summary>
public enum JourneyWaitState
{
    /// <summary>Exactly one element matches and it is visible (the default).</summary>
    Visible,

    /// <summary>No element matches, or the one that does is not visible.</summary>
    Hidden,

    /// <summary>Exactly one element matches, visible or not.</summary>
    Attached,

    /// <summary>No element matches.</summary>
    Detached,
}
