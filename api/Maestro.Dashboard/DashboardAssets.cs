using System.Reflection;

namespace Maestro.Dashboard;

/// <summary>
/// The front end (HTML, CSS and JavaScript written for this dashboard: no packages, no CDN), embedded in the dashboard
/// assembly so the dashboard works offline and cannot drift from the host that serves it.
/// </summary>
public sealed class DashboardAssets
{
    private const string ResourcePrefix = "Maestro.Dashboard.Assets.";

    /// <summary>
    /// The page may load only this host's own scripts and styles and post only to itself; nothing inline runs, so text
    /// from grains (service names, log lines) can never become script.
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private readonly Dictionary<string, DashboardAsset> assets;

    public DashboardAssets()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        assets = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => Load(assembly, n))
            .ToDictionary(a => a.Name, StringComparer.Ordinal);
    }

    public DashboardAsset Get(string name) =>
        assets.TryGetValue(name, out var asset) ? asset : throw new InvalidOperationException($"The dashboard asset '{name}' is not embedded in the dashboard assembly.");

    public bool TryGet(string name, out DashboardAsset asset) => assets.TryGetValue(name, out asset!);

    /// <summary>Writes <paramref name="asset"/> with the dashboard's security headers; <paramref name="replacements"/> fill placeholders of an HTML page.</summary>
    public static IResult Serve(DashboardAsset asset, int statusCode = StatusCodes.Status200OK, params (string Placeholder, string Value)[] replacements)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(replacements);
        var content = asset.Content;
        if (replacements.Length > 0)
        {
            var text = System.Text.Encoding.UTF8.GetString(content);
            foreach (var (placeholder, value) in replacements)
            {
                text = text.Replace(placeholder, value, StringComparison.Ordinal);
            }

            content = System.Text.Encoding.UTF8.GetBytes(text);
        }

        return new AssetResult(content, asset.ContentType, statusCode);
    }

    private static DashboardAsset Load(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var name = resourceName[ResourcePrefix.Length..];
        var contentType = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        return new DashboardAsset(name, buffer.ToArray(), contentType);
    }

    private sealed class AssetResult(byte[] content, string contentType, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            response.StatusCode = statusCode;
            response.ContentType = contentType;
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers.CacheControl = "no-store";
            response.ContentLength = content.Length;
            return response.Body.WriteAsync(content).AsTask();
        }
    }
}
