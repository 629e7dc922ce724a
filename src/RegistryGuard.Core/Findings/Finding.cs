namespace RegistryGuard.Findings;

/// <summary>
/// One broken reference: what is wrong (<see cref="Kind"/>), where (repository, the tag that reaches it,
/// the manifest that references it) and which object. Tag and parent are null where they do not apply.
/// </summary>
public sealed record Finding(FindingKind Kind, string Repository, string? Tag, string? Parent, string? Digest, string Detail)
{
    public Severity Severity { get; init; } = Kind.DefaultSeverity();

    /// <summary>For scan findings: whether <c>--fix</c> can repair this in place.</summary>
    public bool? Repairable { get; init; }
}
