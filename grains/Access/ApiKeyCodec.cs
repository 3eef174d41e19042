using System.Security.Cryptography;
using System.Text;

namespace Maestro.Grains.Access;

/// <summary>
/// The API key format: <c>mk_&lt;id&gt;_&lt;secret&gt;</c>, where the id is 12 lower-case hex digits (public: it names the
/// key in lists and the audit log) and the secret 43 base64url characters (256 random bits). Only the SHA-256 of the
/// whole key is stored; a plain hash is enough because the key is high-entropy random, not a password.
/// </summary>
public static class ApiKeyCodec
{
    public const string Prefix = "mk_";

    public const int KeyIdLength = 12;

    /// <summary>The shortest secret accepted (e.g. for an operator-chosen initial key).</summary>
    public const int MinimumSecretLength = 32;

    public const int MaximumKeyLength = 256;

    /// <summary>A new random key and its id.</summary>
    public static (string Key, string KeyId) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdLength / 2));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return ($"{Prefix}{keyId}_{secret}", keyId);
    }

    /// <summary>The key id of a well-formed key; false for anything else.</summary>
    public static bool TryGetKeyId(string? key, out string keyId)
    {
        keyId = string.Empty;
        if (key is null || key.Length > MaximumKeyLength || !key.StartsWith(Prefix, StringComparison.Ordinal)
            || key.Length < Prefix.Length + KeyIdLength + 1 + MinimumSecretLength || key[Prefix.Length + KeyIdLength] != '_')
        {
            return false;
        }

        var id = key.AsSpan(Prefix.Length, KeyIdLength);
        var secret = key.AsSpan(Prefix.Length + KeyIdLength + 1);
        foreach (var c in id)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        foreach (var c in secret)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        keyId = id.ToString();
        return true;
    }

    /// <summary>The SHA-256 of the key's UTF-8 bytes, as lower-case hex.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>Compares two hex hashes in constant time (for equal lengths), so timing says nothing about the stored hash.</summary>
    public static bool HashesEqual(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
    }

    /// <summary>The explanation given when a key is malformed, with a command that makes a valid one.</summary>
    public static string FormatDescription =>
        $"an API key looks like {Prefix}<12 lower-case hex digits>_<at least {MinimumSecretLength} characters of A-Z a-z 0-9 - _>, " +
        "e.g. made with: echo \"mk_$(openssl rand -hex 6)_$(openssl rand -hex 24)\"";
}
