namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// The locator resolver (<c>locator-resolver.js</c>, embedded) and the calls both drivers make into it. It installs
/// itself as <c>window.__maestroLocators</c> in a frame the first time a call finds it missing.
/// </summary>
public static class LocatorResolverScript
{
    /// <summary>What a call returns when the frame does not have the resolver yet (a new document).</summary>
    public const string Missing = "\u0001maestro-resolver-missing";

    /// <summary>What a resolver answer starts with when the browser rejected the locator.</summary>
    public const string MalformedPrefix = "malformed: ";

    /// <summary>What <see cref="OneThen"/>'s answer starts with when it evaluated the function: the JSON follows.</summary>
    public const string JsonPrefix = "\u0002json:";

    /// <summary>The resolver: a function expression of no arguments that installs it.</summary>
    public static string Source { get; } = Load();

    /// <summary>(locator) → the one element, or how many matched, or a malformed-locator reason, or <see cref="Missing"/>.</summary>
    public static string One { get; } = Call("M.one(a)");

    /// <summary>(locator) → how many elements match, or a malformed-locator reason, or <see cref="Missing"/>.</summary>
    public static string Count { get; } = Call("M.count(a)");

    /// <summary>
    /// (locator) → <see cref="JsonPrefix"/> and the JSON of <paramref name="functionExpression"/> applied to the one
    /// element, or how many matched, or a malformed-locator reason, or <see cref="Missing"/>.
    /// </summary>
    public static string OneThen(string functionExpression) =>
        Call($"(r => typeof r !== 'object' ? r : {Quote(JsonPrefix)} + (v => v === undefined ? 'null' : JSON.stringify(v))(({functionExpression})(r)))(M.one(a))");

    /// <summary>The element → its visibility, enabled and editable state.</summary>
    public const string State = "e => window.__maestroLocators.state(e)";

    /// <summary>The element → what assert-text compares: a form control's value, else its normalised text.</summary>
    public const string Text = "e => window.__maestroLocators.text(e)";

    /// <summary>Calls the resolver through a function of one argument <c>a</c>, with the resolver as <c>M</c>.</summary>
    private static string Call(string body) =>
        $"a => {{ const M = window.__maestroLocators; return M ? {body} : {Quote(Missing)}; }}";

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static string Load()
    {
        using var stream = typeof(LocatorResolverScript).Assembly.GetManifestResourceStream("Maestro.Journeys.locator-resolver.js")
            ?? throw new InvalidOperationException("the locator resolver script is not embedded in Maestro.Grains");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Trim();
    }
}
