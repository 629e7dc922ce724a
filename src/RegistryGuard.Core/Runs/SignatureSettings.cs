using RegistryGuard.Common;
using RegistryGuard.Signatures;

namespace RegistryGuard.Runs;

/// <summary>
/// The cosign keys probe and verify check signatures with, and where a signature is required. The default checks
/// nothing (no request is made for signatures). Keys are read when the settings are made, so a bad key file stops the
/// command line (exit 2) or serve's config (at load) before any run.
/// </summary>
public sealed record SignatureSettings
{
    /// <summary>Public keys (cosign.pub): a signature made by any of them counts.</summary>
    public IReadOnlyList<CosignKey> Keys { get; init; } = [];

    /// <summary>probe: repositories whose images must be signed (<c>unsigned</c> is a failure there, info elsewhere).
    /// verify always requires a signature on its one image when a key is given.</summary>
    public IReadOnlyList<GlobPattern> Required { get; init; } = [];

    /// <summary>Reads every key file; a file that is not a usable public key throws <see cref="CosignKeyException"/> (one line, naming the file).</summary>
    public static IReadOnlyList<CosignKey> LoadKeys(IEnumerable<string> keyFiles)
    {
        ArgumentNullException.ThrowIfNull(keyFiles);
        return [.. keyFiles.Select(CosignKeyFile.Load)];
    }

    /// <summary>Null when no key is given: signatures are not checked.</summary>
    internal SignatureOptions? ToSignatureOptions() => Keys.Count == 0 ? null : new SignatureOptions(Keys) { Required = Required };
}
