namespace Maestro.Runtime;

/// <summary>Root marker for grain interfaces. Use one of the keyed variants.</summary>
public interface IGrain : IAddressable;
