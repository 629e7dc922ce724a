using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Breakage;

/// <summary>A failure a check must report: (kind, repository, tag, parent, digest) as the JSON report names them.</summary>
internal sealed record ExpectedFinding(string Kind, string Repository, string? Tag, Digest? Parent, Digest? Digest)
{
    public static ExpectedFinding Of(JsonFinding finding) => new(finding.Kind, finding.Repository, finding.Tag,
        finding.Parent is null ? null : RegistryGuard.Oci.Digest.Parse(finding.Parent), finding.Digest is null ? null : RegistryGuard.Oci.Digest.Parse(finding.Digest));

    public override string ToString() => $"{Kind} {Repository}:{Tag ?? "-"} parent={Parent?.Abbreviated ?? "-"} digest={Digest?.Abbreviated ?? "-"}";
}
