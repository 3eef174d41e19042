namespace Maestro.Grains.Tests.Journeys;

/// <summary>Checks a file is a PNG with an image in it: the signature, and a header with a non-zero size.</summary>
internal static class PngAssert
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static void IsPng(string path)
    {
        Assert.True(File.Exists(path), $"{path} does not exist");
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 24, $"{path} is {bytes.Length} bytes");
        Assert.Equal(Signature, bytes[..8]);
        var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        var height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
        Assert.True(width > 0 && height > 0, $"{path} is {width}x{height}");
    }
}
