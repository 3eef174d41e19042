using System.Text;

namespace Maestro.Grains.TestRuns.Execution;

/// <summary>
/// Copies a process's stdout and stderr into one log file as they arrive, keeping at most a fixed number of bytes and
/// counting the rest, so a chatty or hostile command cannot fill the disk or the silo's memory.
/// </summary>
public sealed class CappedLogWriter : IAsyncDisposable
{
    private const int TailBytes = 4096;
    private readonly FileStream file;
    private readonly long limit;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly byte[] tail = new byte[TailBytes];
    private long tailLength;

    public CappedLogWriter(string path, long limit)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 16384, useAsync: true);
        this.limit = limit;
    }

    public long Written { get; private set; }

    public long Dropped { get; private set; }

    /// <summary>Reads <paramref name="source"/> to its end into the log.</summary>
    public async Task CopyAsync(Stream source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var buffer = new byte[16384];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var room = (int)Math.Clamp(limit - Written, 0, read);
                if (room > 0)
                {
                    await file.WriteAsync(buffer.AsMemory(0, room), cancellationToken);
                    Written += room;
                    KeepTail(buffer.AsSpan(0, room));
                }

                Dropped += read - room;
            }
            finally
            {
                gate.Release();
            }
        }
    }

    /// <summary>The last bytes kept, as text (a multi-byte character cut at the start shows as a replacement character).</summary>
    public string Tail()
    {
        var length = (int)Math.Min(tailLength, TailBytes);
        var start = (int)(tailLength % TailBytes);
        var ordered = length < TailBytes ? tail.AsSpan(0, length).ToArray() : [.. tail.AsSpan(start), .. tail.AsSpan(0, start)];
        return Encoding.UTF8.GetString(ordered);
    }

    public async ValueTask DisposeAsync()
    {
        if (Dropped > 0)
        {
            await file.WriteAsync(Encoding.UTF8.GetBytes($"\n[maestro: {Dropped} more bytes of output were dropped; the log keeps the first {limit}]\n"));
        }

        await file.DisposeAsync();
        gate.Dispose();
    }

    private void KeepTail(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes.Length > TailBytes ? bytes[^TailBytes..] : bytes)
        {
            tail[tailLength % TailBytes] = b;
            tailLength++;
        }
    }
}
