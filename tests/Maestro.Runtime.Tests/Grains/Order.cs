namespace Maestro.Runtime.Tests.Grains;

/// <summary>A mutable contract, to prove calls copy it.</summary>
public sealed class Order
{
    public string Id { get; set; } = string.Empty;

    public List<string> Lines { get; set; } = [];
}
