namespace Maestro.Runtime;

/// <summary>A plain <see cref="IGrainState{TState}"/>.</summary>
public sealed class GrainState<TState> : IGrainState<TState>
{
    public GrainState(TState state, string? eTag = null)
    {
        State = state;
        ETag = eTag;
    }

    public TState State { get; set; }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
