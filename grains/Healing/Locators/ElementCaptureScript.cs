using System.Reflection;
using System.Text.Json;
using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing.Locators;

/// <summary>
/// The JavaScript that describes elements for locator healing (ElementCapture.js, embedded), as the function
/// expressions <see cref="TestRuns.Journeys.IJourneyPage"/> evaluates, and the reading of its JSON answers.
/// </summary>
public static class ElementCaptureScript
{
    private static readonly string Source = Load();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>For <c>EvaluateOnElementJsonAsync</c>: describes the located element, selectors included.</summary>
    public static string DescribeElement { get; } = $"(element) => ({Source})(element)";

    /// <summary>For <c>EvaluateJsonAsync</c>: describes every element of the page, its frames and shadow roots, without selectors.</summary>
    public static string SnapshotPage { get; } = $"() => ({Source})(null)";

    /// <summary>For <c>EvaluateJsonAsync</c>: describes the element at <paramref name="path"/> (from a snapshot), selectors included; null when it is gone.</summary>
    public static string DescribeAtPath(IReadOnlyList<ElementPathStep> path) =>
        $"() => ({Source})({{ path: {JsonSerializer.Serialize(CapturedElement.FormatPath(path), Json)} }})";

    public static ElementDescriptor? ReadElement(string json) => JsonSerializer.Deserialize<CapturedElement>(json, Json)?.ToDescriptor();

    public static IReadOnlyList<ElementDescriptor> ReadSnapshot(string json) =>
        JsonSerializer.Deserialize<List<CapturedElement>>(json, Json)?.Select(e => e.ToDescriptor()).ToList() ?? [];

    private static string Load()
    {
        using var stream = typeof(ElementCaptureScript).Assembly.GetManifestResourceStream("Maestro.Grains.Healing.ElementCapture.js")
            ?? throw new InvalidOperationException("The embedded resource Maestro.Grains.Healing.ElementCapture.js is missing from the build.");
        using var reader = new StreamReader(stream);
        // Ends with a line break, so a last comment line cannot swallow the closing parenthesis it is wrapped in.
        return reader.ReadToEnd().Trim() + "\n";
    }
}
