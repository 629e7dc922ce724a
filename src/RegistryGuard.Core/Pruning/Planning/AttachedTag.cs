using System.Text.RegularExpressions;
using RegistryGuard.Oci;

namespace RegistryGuard.Pruning.Planning;

/// <summary>
/// Tags that hang off another manifest rather than name a release: cosign's <c>sha256-&lt;hex&gt;.sig</c>,
/// <c>.att</c>, <c>.sbom</c>, and the OCI referrers fallback tag <c>sha256-&lt;hex&gt;</c>. They live and die
/// with their subject and never count toward the number of tags kept.
/// </summary>
public static partial class AttachedTag
{
    public static bool TryGetSubject(string tag, out Digest subject)
    {
        subject = default;
        var match = Pattern().Match(tag);
        return match.Success && Digest.TryFromSha256Hex(match.Groups["hex"].Value, out subject);
    }

    [GeneratedRegex(@"^sha256-(?<hex>[0-9a-f]{64})(?:\.(?:sig|att|sbom))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
