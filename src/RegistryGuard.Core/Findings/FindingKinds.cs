using System.Collections.Frozen;

namespace RegistryGuard.Findings;

public static class FindingKinds
{
    private static readonly FrozenDictionary<FindingKind, Info> Table = new Dictionary<FindingKind, Info>
    {
        [FindingKind.MissingManifest] = new("missing_manifest", Severity.Failure, "a tag or index child the registry answers 404 for"),
        [FindingKind.MissingBlob] = new("missing_blob", Severity.Failure, "a config, layer or blob entry of an index (BuildKit cache) the registry answers 404 for"),
        [FindingKind.SizeMismatch] = new("size_mismatch", Severity.Failure, "a blob whose length differs from its descriptor's size (the 0-byte 200 class)"),
        [FindingKind.DigestMismatch] = new("digest_mismatch", Severity.Failure, "bytes whose sha256 differs from the digest asked for or announced"),
        [FindingKind.UnreadableManifest] = new("unreadable_manifest", Severity.Failure, "a manifest that cannot be parsed, is too large, or is of an unsupported type (schema1); a revision that is no manifest at all stops garbage-collect"),
        [FindingKind.Unreachable] = new("unreachable", Severity.Failure, "still failing after retries (5xx, 429, timeout, connection error): not checked, not known missing"),
        [FindingKind.AccessDenied] = new("access_denied", Severity.Failure, "the credentials do not allow reading this repository (401/403)"),
        [FindingKind.InvalidName] = new("invalid_name", Severity.Failure, "a repository or tag name outside the distribution grammar (hostile or corrupt); never put into a URL or path"),
        [FindingKind.DanglingLayerLink] = new("dangling_layer_link", Severity.Failure, "a _layers link whose blob data is gone: the registry answers 200 with no bytes or errors"),
        [FindingKind.DanglingRevisionLink] = new("dangling_revision_link", Severity.Failure, "a manifest revision link whose blob data is gone"),
        [FindingKind.MissingTagLink] = new("missing_tag_link", Severity.Failure, "a tag directory without a readable current/link"),
        [FindingKind.DanglingTagLink] = new("dangling_tag_link", Severity.Failure, "a tag whose current digest has no revision link or no data"),
        [FindingKind.DanglingTagHistory] = new("dangling_tag_history", Severity.Warning, "a tag's index (history) entry whose manifest is gone; never served"),
        [FindingKind.OrphanedChild] = new("orphaned_child", Severity.Failure, "an index child without a revision link in the repository: the post-mortem's 404 (scan --fix writes the link back when the child's bytes and layers are on disk)"),
        [FindingKind.MissingLayerLink] = new("missing_layer_link", Severity.Failure, "a config or layer of a manifest, or a blob entry of an index (BuildKit cache), not linked into the repository, or without data"),
        [FindingKind.CorruptLink] = new("corrupt_link", Severity.Failure, "a link file that is not sha256:<64 hex> or disagrees with its own path (garbage in a revision link stops garbage-collect)"),
        [FindingKind.CorruptBlob] = new("corrupt_blob", Severity.Failure, "blob data whose bytes do not hash to its digest (found with --deep)"),
        [FindingKind.StaleUpload] = new("stale_upload", Severity.Info, "an _uploads leftover older than the threshold; space only"),
        [FindingKind.UnreadablePath] = new("unreadable_path", Severity.Failure, "a path the scan could not read or refused to follow (permissions, symlink out of the root)"),
        [FindingKind.UnauthenticatedAccess] = new("unauthenticated_access", Severity.Failure, "the registry answered without credentials although auth was expected"),
        [FindingKind.CatalogShrunk] = new("catalog_shrunk", Severity.Failure, "the catalog has fewer repositories than expected (empty catalog, stale upstream)"),
        [FindingKind.UnsignedImage] = new("unsigned", Severity.Failure, "an image without a cosign signature (failure where --require-signature matches, info elsewhere)"),
        [FindingKind.InvalidSignature] = new("invalid_signature", Severity.Failure, "an image whose signatures all fail: made with none of the keys, tampered, or made for another digest"),
        [FindingKind.OrphanedSignature] = new("orphaned_signature", Severity.Warning, "a signature tag (.sig, or a referrers fallback tag listing a signature) whose image no longer exists"),
        [FindingKind.UpstreamUnreachable] = new("upstream_unreachable", Severity.Warning, "a pull-through cache cannot fetch from its upstream (refused, timeout, DNS, TLS, or the upstream refusing or rate-limiting the cache): cached content is still served, anything not cached fails; not an integrity failure"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, FindingKind> ByWireName =
        Table.ToFrozenDictionary(pair => pair.Value.WireName, pair => pair.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<FindingKind> All => Table.Keys;

    public static string WireName(this FindingKind kind) => Table[kind].WireName;

    public static string Description(this FindingKind kind) => Table[kind].Description;

    public static Severity DefaultSeverity(this FindingKind kind) => Table[kind].Severity;

    public static bool TryParse(string wireName, out FindingKind kind) => ByWireName.TryGetValue(wireName, out kind);

    private sealed record Info(string WireName, Severity Severity, string Description);
}
