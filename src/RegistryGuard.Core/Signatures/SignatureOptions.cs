using RegistryGuard.Common;

namespace RegistryGuard.Signatures;

/// <summary>Signature checking for a probe or verify run: the trusted keys and where a signature is required.</summary>
public sealed record SignatureOptions(IReadOnlyList<CosignKey> Keys)
{
    /// <summary>Repositories whose images must be signed: <c>unsigned</c> is a failure there, informational elsewhere.</summary>
    public IReadOnlyList<GlobPattern> Required { get; init; } = [];

    public bool IsRequired(string repository) => GlobPattern.AnyMatch(Required, repository);

    /// <summary>For verify: the one image checked must be signed, whichever repository it is in.</summary>
    public SignatureOptions RequiredEverywhere() => this with { Required = [new GlobPattern("**")] };
}
