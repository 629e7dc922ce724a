using RegistryGuard.Oci;
using RegistryGuard.Registry;

namespace RegistryGuard.Pruning.Execution;

/// <summary>
/// Puts back what an API prune deleted: manifests by digest in reverse deletion order (children before their
/// index), then their tags. A tag that now points elsewhere is left alone. Works until garbage-collect sweeps
/// the blobs; after that the registry refuses the manifest (blob unknown) and the image must be pushed again.
/// </summary>
public sealed class BundleRestorer
{
    private readonly RegistryClient _client;

    public BundleRestorer(RegistryClient client) => _client = client;

    public async Task<RestoreResult> RestoreAsync(string bundleDirectory, CancellationToken cancellationToken)
    {
        var entries = RestoreBundle.Read(bundleDirectory).Where(e => e.Deleted).Reverse().ToList();
        var manifests = 0;
        var tags = 0;
        var problems = new List<string>();
        var restored = new List<BundleEntry>();
        foreach (var entry in entries)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(bundleDirectory, entry.File.Replace('/', Path.DirectorySeparatorChar)), cancellationToken).ConfigureAwait(false);
            if (Digest.Sha256Of(bytes) != entry.Digest)
            {
                problems.Add($"{entry.Repository}@{entry.Digest}: the saved bytes do not match the digest; not restored");
                continue;
            }

            try
            {
                await _client.PushManifestAsync(entry.Repository, entry.Digest.ToString(), bytes, entry.MediaType, cancellationToken).ConfigureAwait(false);
                manifests++;
                restored.Add(entry);
            }
            // A registry that cannot be reached or refuses the credentials is not a problem of this one manifest: the
            // whole restore stops (exit 3), and running it again later is safe (pushing a manifest by digest is idempotent).
            catch (RegistryException ex) when (ex is not (RegistryUnreachableException or RegistryAuthException))
            {
                problems.Add($"{entry.Repository}@{entry.Digest}: not restored ({ex.Message}){(ex.ErrorCode is "MANIFEST_BLOB_UNKNOWN" or "BLOB_UNKNOWN" ? "; garbage-collect has swept its blobs: push the image again" : "")}");
            }
        }

        foreach (var entry in restored)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(bundleDirectory, entry.File.Replace('/', Path.DirectorySeparatorChar)), cancellationToken).ConfigureAwait(false);
            foreach (var tag in entry.Tags)
            {
                Digest? now;
                try
                {
                    now = await _client.ResolveAsync(entry.Repository, tag, cancellationToken).ConfigureAwait(false);
                }
                catch (RegistryNotFoundException)
                {
                    now = null;
                }

                if (now is { } other && other != entry.Digest)
                {
                    problems.Add($"{entry.Repository}:{tag} now points at {other}; left as it is");
                    continue;
                }

                if (now is null)
                {
                    await _client.PushManifestAsync(entry.Repository, tag, bytes, entry.MediaType, cancellationToken).ConfigureAwait(false);
                }

                tags++;
            }
        }

        return new RestoreResult(manifests, tags, problems);
    }
}
