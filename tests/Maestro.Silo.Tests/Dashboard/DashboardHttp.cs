namespace Maestro.Silo.Tests.Dashboard;

/// <summary>An HttpClient signed in to a silo's dashboard the way a browser is: the sign-in form, then the session cookie.</summary>
internal static class DashboardHttp
{
    public static async Task<HttpClient> SignInAsync(int port, string key, CancellationToken cancellationToken)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = SiloProcess.Patience,
        };
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("key", key)]);
        using var response = await http.PostAsync(new Uri("/dashboard/sign-in", UriKind.Relative), form, cancellationToken);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return http;
    }
}
