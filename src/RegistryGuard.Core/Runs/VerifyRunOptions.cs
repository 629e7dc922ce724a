using RegistryGuard.Probing;

namespace RegistryGuard.Runs;

/// <summary>Everything a verify of one image can be told, with its default: the CI post-push check.</summary>
/// <param name="Reference">A tag or a digest.</param>
public sealed record VerifyRunOptions(RegistryConnection Connection, string Repository, string Reference)
{
    /// <summary>Not the probe's job: one image's result must not replace the whole registry's group.</summary>
    public const string DefaultJob = "registryguard-verify";

    public WalkSettings Walk { get; init; } = new();

    /// <summary>With a key, the image must carry a valid signature by one of the keys (the CI step after push + sign); default: off.</summary>
    public SignatureSettings Signatures { get; init; } = new();

    public PushSettings? Push { get; init; }

    internal ProbeOptions ToProbeOptions() => Walk.ToProbeOptions(Connection) with
    {
        Signatures = Signatures.ToSignatureOptions()?.RequiredEverywhere(),
    };
}
