using System.Globalization;
using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing.Locators;

/// <summary>
/// An element as ElementCapture.js writes it: empty fields left out, the path as one <c>tag:index/...</c> string,
/// <c>hidden</c> and <c>disabled</c> only when true. Kept this small because a large page's snapshot crosses the
/// browser connection as one string.
/// </summary>
internal sealed record CapturedElement(
    string Tag,
    string Path,
    string? Id,
    string? Name,
    string? TestId,
    string? Role,
    string? AriaLabel,
    string? AccessibleName,
    string? Label,
    string? Text,
    List<string>? Classes,
    Dictionary<string, string>? Attributes,
    bool Hidden,
    bool Disabled,
    List<string>? Frames,
    bool InShadow,
    string? Css,
    string? Xpath)
{
    public ElementDescriptor ToDescriptor() => new(
        Tag, ParsePath(Path), Id, Name, TestId, Role, AriaLabel, AccessibleName, Label, Text,
        Classes ?? [], Attributes ?? [], !Hidden, !Disabled, Frames ?? [], InShadow, Css, Xpath);

    public static string FormatPath(IReadOnlyList<ElementPathStep> path) =>
        string.Join('/', path.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Tag}:{s.Index}")));

    private static List<ElementPathStep> ParsePath(string path) =>
        path.Split('/').Select(step =>
        {
            var colon = step.LastIndexOf(':');
            return new ElementPathStep(step[..colon], int.Parse(step.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture));
        }).ToList();
}
