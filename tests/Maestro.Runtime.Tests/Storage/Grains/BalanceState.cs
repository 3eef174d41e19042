namespace Maestro.Runtime.Tests.Storage.Grains;

public sealed class BalanceState
{
    public int Amount { get; set; }
}
