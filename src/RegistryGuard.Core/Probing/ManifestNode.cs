namespace RegistryGuard.Probing;

internal sealed class ManifestNode
{
    public long? BodyLength { get; set; }

    // Most manifests have no issue: the list is created on the first one (one node per object the probe has seen).
    private List<Issue>? _issues;

    public IReadOnlyList<Issue> Issues => _issues is null ? [] : _issues;

    public void AddIssue(Issue issue) => (_issues ??= []).Add(issue);

    public Reference[] Children { get; set; } = [];

    public Reference[] Blobs { get; set; } = [];
}
