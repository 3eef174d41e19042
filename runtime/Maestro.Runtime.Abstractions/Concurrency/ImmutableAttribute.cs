namespace Maestro.Runtime.Concurrency;

/// <summary>
/// Values of this type are never changed after construction, so calls pass them by reference instead of copying.
/// On a method, its result is passed by reference.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class ImmutableAttribute : Attribute;
