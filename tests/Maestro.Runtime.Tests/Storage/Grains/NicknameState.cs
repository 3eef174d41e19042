namespace Maestro.Runtime.Tests.Storage.Grains;

public sealed class NicknameState
{
    public string Nickname { get; set; } = string.Empty;
}
