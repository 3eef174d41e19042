namespace Maestro.GrainInterfaces.Analytics;

/// <summary>The key of a test's history grain: the suite's length, the suite, and the test id, so no two pairs collide.</summary>
public static class TestHistoryKey
{
    public static string For(string suite, string testId)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(testId);
        return $"{suite.Length}:{suite}/{testId}";
    }

    /// <summary>Splits a key made by <see cref="For"/> back into suite and test id.</summary>
    public static bool TryParse(string key, out string suite, out string testId)
    {
        ArgumentNullException.ThrowIfNull(key);
        suite = testId = string.Empty;
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !int.TryParse(key.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
            || colon + 1 + length >= key.Length || key[colon + 1 + length] != '/')
        {
            return false;
        }

        suite = key.Substring(colon + 1, length);
        testId = key[(colon + 2 + length)..];
        return true;
    }
}
