namespace Maestro.Runtime.Storage.Sqlite;

/// <summary>One guarded write waiting for the writer loop; completed with the row's new ETag once its transaction commits.</summary>
internal sealed class SqliteWriteRequest(SqliteWriteKind kind, string stateName, GrainId grainId, long? expectedEtag, byte[]? payload)
{
    private readonly TaskCompletionSource<long?> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SqliteWriteKind Kind => kind;

    public string StateName => stateName;

    public GrainId GrainId => grainId;

    public long? ExpectedEtag => expectedEtag;

    public byte[]? Payload => payload;

    public Task<long?> Completion => completion.Task;

    /// <summary>Set by the writer loop; delivered only after the batch commits.</summary>
    public long? Etag { get; set; }

    public Exception? Conflict { get; private set; }

    /// <summary>The ETag did not match: records the conflict, naming the stored ETag and the one this writer held.</summary>
    public void MarkConflict(long? storedEtag) =>
        Conflict = new InconsistentStateException(
            $"Version conflict on {(Kind is SqliteWriteKind.Insert or SqliteWriteKind.Update ? "write" : "clear")} of state '{StateName}' of grain {GrainId}: another activation changed it.",
            storedEtag?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ExpectedEtag?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Deliver()
    {
        if (Conflict is not null)
        {
            completion.TrySetException(Conflict);
        }
        else
        {
            completion.TrySetResult(Etag);
        }
    }

    public void Fail(Exception error) => completion.TrySetException(error);
}
