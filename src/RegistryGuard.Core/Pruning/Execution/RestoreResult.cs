namespace RegistryGuard.Pruning.Execution;

/// <param name="Problems">Manifests or tags not restored, each with why (a tag now elsewhere, blobs swept by GC).</param>
public sealed record RestoreResult(int Manifests, int Tags, IReadOnlyList<string> Problems);
