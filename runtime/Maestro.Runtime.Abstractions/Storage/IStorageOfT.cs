namespace Maestro.Runtime;

/// <summary>A typed state record.</summary>
public interface IStorage<TState> : IStorage
{
    /// <summary>The state; never <c>null</c>: a grain with no stored record sees <c>new TState()</c>.</summary>
    TState State { get; set; }
}
