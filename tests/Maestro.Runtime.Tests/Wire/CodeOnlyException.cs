namespace Maestro.Runtime.Tests.Wire;

/// <summary>An exception with neither a (string) nor a (string, Exception) constructor, so it cannot be recreated.</summary>
public sealed class CodeOnlyException(int code) : Exception($"code {code}")
{
    public int Code { get; } = code;
}
