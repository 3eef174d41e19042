using System.Globalization;

namespace Maestro.GrainInterfaces.Healing;

/// <summary>The key of a locator's reference grain: suite, journey, step and locator, each length-prefixed so no two collide.</summary>
public static class LocatorReferenceKey
{
    public static string For(string suite, string journey, int stepIndex, string locator)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(locator);
        ArgumentOutOfRangeException.ThrowIfNegative(stepIndex);
        return string.Create(CultureInfo.InvariantCulture, $"{suite.Length}:{suite}/{journey.Length}:{journey}/{stepIndex}/{locator}");
    }
}
