using System.Text.RegularExpressions;
using System.Xml.XPath;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// Checks a locator before anything runs: a known prefix (testid, role, label, id, name, text, css, xpath; none means
/// CSS), a value, a well-formed role filter, an XPath 1.0 expression that compiles, CSS with balanced brackets and
/// quotes, and <c>frame=CSS &gt;&gt; LOCATOR</c> chains. The browser's own CSS parser has the last word at run time.
/// </summary>
public static partial class JourneyLocatorSyntax
{
    private const string FramePrefix = "frame=";
    private const string ChainSeparator = ">>";

    private static readonly string[] Prefixes = ["testid", "role", "label", "id", "name", "text", "css", "xpath"];

    /// <summary>The locator, or null and what is wrong with it.</summary>
    public static bool TryParse(string text, out JourneyLocator? locator, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        locator = null;
        var frames = new List<string>();
        var rest = text.Trim();
        while (rest.StartsWith(FramePrefix, StringComparison.Ordinal))
        {
            var separator = rest.IndexOf(ChainSeparator, StringComparison.Ordinal);
            if (separator < 0)
            {
                error = $"'{text}': a frame= part must be followed by '>> LOCATOR' (the locator inside the frame)";
                return false;
            }

            var frameCss = rest[FramePrefix.Length..separator].Trim();
            if (CheckCss(frameCss) is { } frameError)
            {
                error = $"'{text}': the frame selector {frameError}";
                return false;
            }

            frames.Add(frameCss);
            rest = rest[(separator + ChainSeparator.Length)..].Trim();
        }

        error = CheckTarget(rest);
        if (error is not null)
        {
            error = $"'{text}': {error}";
            return false;
        }

        locator = new JourneyLocator(text, frames, rest);
        return true;
    }

    private static string? CheckTarget(string target)
    {
        if (target.Length == 0)
        {
            return "the locator is empty";
        }

        var equals = target.IndexOf('=', StringComparison.Ordinal);
        var prefix = equals > 0 ? target[..equals] : string.Empty;
        if (!Prefixes.Contains(prefix, StringComparer.Ordinal))
        {
            return CheckCss(target);
        }

        var value = target[(equals + 1)..];
        if (value.Trim().Length == 0)
        {
            return $"'{prefix}=' needs a value";
        }

        return prefix switch
        {
            "css" => CheckCss(value),
            "xpath" => CheckXPath(value),
            "role" when !RolePattern().IsMatch(value) => $"'role={value}' must be role=ROLE or role=ROLE[name=\"NAME\"] (ROLE in lower case, NAME in double quotes, \\\" for a quote)",
            _ => null,
        };
    }

    private static string? CheckXPath(string expression)
    {
        try
        {
            XPathExpression.Compile(expression);
            return null;
        }
        catch (XPathException ex)
        {
            return $"the xpath does not compile: {ex.Message}";
        }
    }

    // Enough to catch typos before a run; anything subtler the browser reports when the step runs.
    private static string? CheckCss(string selector)
    {
        if (selector.Trim().Length == 0)
        {
            return "is an empty CSS selector";
        }

        if (selector.TrimStart()[0] is '>' or '+' or '~' or ',')
        {
            return $"'{selector}' is not a CSS selector: it starts with a combinator";
        }

        var open = new Stack<char>();
        char? quote = null;
        for (var i = 0; i < selector.Length; i++)
        {
            var c = selector[i];
            if (c == '\\')
            {
                i++;
            }
            else if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '[' or '(')
            {
                open.Push(c);
            }
            else if (c is ']' or ')')
            {
                if (open.Count == 0 || open.Pop() != (c == ']' ? '[' : '('))
                {
                    return $"'{selector}' is not a CSS selector: '{c}' at offset {i} closes nothing";
                }
            }
        }

        return quote is not null ? $"'{selector}' is not a CSS selector: a quote is not closed"
            : open.Count > 0 ? $"'{selector}' is not a CSS selector: '{open.Peek()}' is not closed"
            : null;
    }

    [GeneratedRegex("""^[a-z]+(\[name="([^"\\]|\\.)*"\])?$""", RegexOptions.CultureInvariant)]
    private static partial Regex RolePattern();
}
