namespace Maestro.GrainInterfaces.Healing;

/// <summary>An element as locator healing sees it: where it sits and what it says about itself.</summary>
/// <param name="Tag">Lower-case tag name.</param>
/// <param name="Path">From the top document's root element down to this element, across iframes and shadow roots.</param>
/// <param name="Id">The id attribute.</param>
/// <param name="Name">The name attribute.</param>
/// <param name="TestId">The data-testid attribute.</param>
/// <param name="Role">The explicit role attribute, else the role the tag implies.</param>
/// <param name="AriaLabel">The aria-label attribute.</param>
/// <param name="AccessibleName">aria-labelledby, aria-label, label, alt, title, else the text, whitespace-normalised.</param>
/// <param name="Label">The text of the form control's labels.</param>
/// <param name="Text">The element's own text, whitespace-normalised (a control's child text when it has none of its own).</param>
/// <param name="Classes">The class list.</param>
/// <param name="Attributes">Every other attribute except style.</param>
/// <param name="Visible">It has a box and is not hidden.</param>
/// <param name="Enabled">Not disabled, not aria-disabled.</param>
/// <param name="Frames">The CSS selectors of the iframes it lies in, outermost first; empty in the top document.</param>
/// <param name="InShadow">It lies in an open shadow root.</param>
/// <param name="Css">A selector unique in its root, prefixed by its shadow hosts' selectors; null in a page snapshot.</param>
/// <param name="Xpath">An absolute XPath in its document, null inside a shadow root or in a page snapshot.</param>
public sealed record ElementDescriptor(
    string Tag,
    IReadOnlyList<ElementPathStep> Path,
    string? Id,
    string? Name,
    string? TestId,
    string? Role,
    string? AriaLabel,
    string? AccessibleName,
    string? Label,
    string? Text,
    IReadOnlyList<string> Classes,
    IReadOnlyDictionary<string, string> Attributes,
    bool Visible,
    bool Enabled,
    IReadOnlyList<string> Frames,
    bool InShadow,
    string? Css,
    string? Xpath)
{
    /// <summary>A short description for people: <c>button#save.btn.primary "Save"</c>.</summary>
    public string Summary()
    {
        var id = Id is null ? string.Empty : $"#{Id}";
        var classes = Classes.Count == 0 ? string.Empty : "." + string.Join('.', Classes);
        var text = (AccessibleName ?? Text) is { Length: > 0 } name ? $" \"{name}\"" : string.Empty;
        var frame = Frames.Count == 0 ? string.Empty : $" in frame {string.Join(" > ", Frames)}";
        return $"{Tag}{id}{classes}{text}{frame}";
    }

    /// <summary>The path as one string (tag[index]/...), which identifies the element on one page.</summary>
    public string PathKey() => string.Join('/', Path.Select(s => $"{s.Tag}[{s.Index}]"));
}
