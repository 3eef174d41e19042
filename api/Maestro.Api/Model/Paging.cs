using System.Globalization;

namespace Maestro.Api.Model;

/// <summary>Checks the <c>offset</c> and <c>limit</c> query parameters of a list endpoint.</summary>
public static class Paging
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 500;

    /// <summary>Adds an error per bad parameter to <paramref name="errors"/>.</summary>
    public static void Validate(int offset, int limit, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (offset < 0)
        {
            errors["offset"] = [$"offset must be 0 or more; got {offset.ToString(CultureInfo.InvariantCulture)}."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be from 1 to {MaxLimit}; got {limit.ToString(CultureInfo.InvariantCulture)}."];
        }
    }
}
