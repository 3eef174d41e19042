namespace Maestro.Api.Hosting;

/// <summary>One option from a host's command line.</summary>
/// <param name="Name">As typed, e.g. <c>--port</c>.</param>
/// <param name="Value">Its value, from <c>--name value</c> or <c>--name=value</c>.</param>
public sealed record CommandLineOption(string Name, string Value);
