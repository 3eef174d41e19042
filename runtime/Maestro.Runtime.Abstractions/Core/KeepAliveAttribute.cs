namespace Maestro.Runtime;

/// <summary>Exempts a grain class from idle collection.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class KeepAliveAttribute : Attribute;
