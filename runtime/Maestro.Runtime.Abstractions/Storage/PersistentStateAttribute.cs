namespace Maestro.Runtime;

/// <summary>Marks a constructor parameter of type <see cref="IPersistentState{TState}"/> for injection.</summary>
/// <param name="stateName">The record's name; one grain may hold several independent records.</param>
/// <param name="storageName">The storage provider; <c>null</c> means the default provider.</param>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public string StateName { get; } = stateName;

    public string? StorageName { get; } = storageName;
}
