namespace Maestro.Runtime.Tests.Storage.Grains;

public sealed class CountState
{
    public int Value { get; set; }
}
