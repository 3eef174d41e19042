using System.Text.RegularExpressions;
using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing.Locators;

/// <summary>
/// Writes locators for an element in Maestro's syntax, most stable first: test id, role and name, id, name, CSS,
/// XPath; each behind <c>frame=... &gt;&gt;</c> prefixes when the element lies in iframes. Values that look generated
/// (long numbers, hex runs, React's <c>:r1:</c>) are skipped: they change on the next build. The healer checks each on
/// the live page and takes the first that matches exactly that element.
/// </summary>
public static partial class LocatorGenerator
{
    public static IReadOnlyList<string> Generate(ElementDescriptor element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var locators = new List<string>();
        if (Stable(element.TestId))
        {
            locators.Add($"testid={element.TestId}");
        }

        if (!string.IsNullOrEmpty(element.Role) && element.Role is not "presentation" and not "none")
        {
            locators.Add(string.IsNullOrEmpty(element.AccessibleName)
                ? $"role={element.Role}"
                : $"role={element.Role}[name=\"{element.AccessibleName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"]");
        }

        if (Stable(element.Id))
        {
            locators.Add($"id={element.Id}");
        }

        if (Stable(element.Name))
        {
            locators.Add($"name={element.Name}");
        }

        var stableClasses = element.Classes.Where(Stable).Select(CssIdentifier).ToList();
        if (stableClasses.Count > 0)
        {
            locators.Add($"css={element.Tag}.{string.Join('.', stableClasses)}");
        }

        if (!string.IsNullOrEmpty(element.Css))
        {
            locators.Add($"css={element.Css}");
        }

        if (!string.IsNullOrEmpty(element.Xpath))
        {
            locators.Add($"xpath={element.Xpath}");
        }

        var prefix = string.Concat(element.Frames.Select(f => $"frame={f} >> "));
        return locators.Distinct(StringComparer.Ordinal).Select(l => prefix + l).ToList();
    }

    /// <summary>True for a value worth writing into a test: present, and not one a build or a session regenerates.</summary>
    public static bool Stable(string? value) => !string.IsNullOrWhiteSpace(value) && !Generated().IsMatch(value.ToLowerInvariant());

    private static string CssIdentifier(string name) =>
        CssUnsafe().Replace(name, m => "\\" + m.Value);

    [GeneratedRegex(@"\d{3,}|(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{6,}|^:r")]
    private static partial Regex Generated();

    [GeneratedRegex(@"[^a-zA-Z0-9_-]")]
    private static partial Regex CssUnsafe();
}
