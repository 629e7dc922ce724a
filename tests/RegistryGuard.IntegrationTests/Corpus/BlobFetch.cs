using System.Security.Cryptography;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus;

/// <summary>
/// What BuildKit does with a registry cache: GET every entry under <c>/v2/&lt;name&gt;/blobs/&lt;digest&gt;</c> and check its
/// bytes (skopeo cannot pull a cache index). Also used for an image's registry-served blobs when skopeo cannot pull
/// the image because a foreign layer lives at a URL this machine cannot reach.
/// </summary>
internal static class BlobFetch
{
    /// <returns>Nothing when every blob answers 200 with bytes hashing to its digest; otherwise one line per blob that does not.</returns>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(Uri registry, string repository, IEnumerable<Descriptor> blobs)
    {
        using var http = new HttpClient { BaseAddress = registry };
        var problems = new List<string>();
        foreach (var blob in blobs.Where(b => !b.IsForeign))
        {
            using var response = await http.GetAsync(new Uri($"v2/{repository}/blobs/{blob.Digest}", UriKind.Relative));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var computed = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (!response.IsSuccessStatusCode || computed != blob.Digest.ToString() || bytes.Length != blob.Size)
            {
                problems.Add($"{repository}@{blob.Digest}: {(int)response.StatusCode}, {bytes.Length} bytes hashing to {computed}");
            }
        }

        return problems;
    }
}
