using System.Globalization;
using Maestro.Runtime;
using Maestro.Runtime.Streams;

namespace Maestro.TestGrains;

/// <summary>See <see cref="ITestStreamProducerGrain"/>; stateless, so any silo may run it.</summary>
public sealed class TestStreamProducerGrain : Grain, ITestStreamProducerGrain
{
    public async Task<int> Publish()
    {
        var parts = this.GetPrimaryKeyString().Split('|');
        if (parts.Length != 3)
        {
            throw new ArgumentException($"Producer key '{this.GetPrimaryKeyString()}' is not 'streamKey|first|count'.");
        }

        var first = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var count = int.Parse(parts[2], CultureInfo.InvariantCulture);
        var stream = this.GetStreamProvider(StreamingSiloBuilderExtensions.DefaultStreamProviderName)
            .GetStream<TestStreamItem>(StreamId.Create(TestStreamConsumerGrain.Namespace, parts[0]));
        await stream.OnNextBatchAsync(Enumerable.Range(first, count).Select(n => new TestStreamItem(n)));
        return count;
    }
}
