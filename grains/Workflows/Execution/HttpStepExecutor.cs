using System.Globalization;
using System.Text;

namespace Maestro.Grains.Workflows;

/// <summary>
/// Sends the request and fails the attempt unless the status is expected (any 2xx by default). Outputs:
/// <c>status</c> and <c>body</c> (the first megabyte). Timeouts come from the step's <c>timeout</c>, not the client.
/// </summary>
public sealed class HttpStepExecutor : IStepExecutor, IDisposable
{
    private readonly HttpClient client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public StepKind Kind => StepKind.Http;

    public async Task<IReadOnlyDictionary<string, string>> ExecuteAsync(StepInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var spec = (HttpStepSpec)invocation.Step.Spec;
        var scope = invocation.Scope;
        var url = scope.Render(spec.Url.Value);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new StepFailedException($"'{url}' is not an absolute http or https URL");
        }

        using var request = new HttpRequestMessage(new HttpMethod(spec.Method), uri);
        string? contentType = null;
        foreach (var (name, value) in spec.Headers)
        {
            var rendered = scope.Render(value.Value);
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = rendered;
            }
            else if (!request.Headers.TryAddWithoutValidation(name, rendered))
            {
                throw new StepFailedException($"header '{name}' cannot be set on a request");
            }
        }

        if (spec.Body is { } body)
        {
            var text = scope.Render(body.Value);
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(
                contentType ?? (text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[') ? "application/json" : "text/plain; charset=utf-8"));
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var status = (int)response.StatusCode;
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var responseBody = await BoundedText.ReadAsync(reader, BoundedText.DefaultLimit, cancellationToken);
        var expected = spec.ExpectStatus.Count == 0 ? status is >= 200 and <= 299 : spec.ExpectStatus.Contains(status);
        if (!expected)
        {
            throw new StepFailedException($"{spec.Method} {uri} answered {status}, expected {(spec.ExpectStatus.Count == 0 ? "2xx" : string.Join(" or ", spec.ExpectStatus))}");
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["status"] = status.ToString(CultureInfo.InvariantCulture),
            ["body"] = responseBody,
        };
    }

    public void Dispose() => client.Dispose();
}
