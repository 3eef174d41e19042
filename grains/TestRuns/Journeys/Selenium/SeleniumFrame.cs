namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// Selenium's current frame is the driver's state, not an object: this marks which one a call runs in (0 = the top),
/// valid until the next frame switch.
/// </summary>
public readonly record struct SeleniumFrame(int Depth);
