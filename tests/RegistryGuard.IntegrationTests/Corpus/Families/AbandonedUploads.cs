using System.Globalization;
using System.Net.Http.Headers;
using RegistryGuard.Demo;
using RegistryGuard.Storage;

namespace RegistryGuard.IntegrationTests.Corpus.Families;

/// <summary>
/// Uploads a client started and never finished (a killed <c>docker push</c>): POST, one PATCH of data, no PUT. One in a
/// repository that has images, one in a repository that never got a manifest (a directory the catalog does not list);
/// the second was abandoned three days ago.
/// </summary>
internal static class AbandonedUploads
{
    public const string NeverPushed = "history/never-pushed";

    public static async Task LeaveAsync(LocalRegistry registry)
    {
        using var http = new HttpClient { BaseAddress = registry.Url };
        foreach (var repository in new[] { History.Abandoned, NeverPushed })
        {
            using var started = await http.PostAsync(new Uri($"v2/{repository}/blobs/uploads/", UriKind.Relative), null);
            started.EnsureSuccessStatusCode();
            using var content = new ByteArrayContent(Content.Layers.Random($"upload-{repository}", 64 * 1024));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var patch = new HttpRequestMessage(HttpMethod.Patch, started.Headers.Location) { Content = content };
            using var patched = await http.SendAsync(patch);
            patched.EnsureSuccessStatusCode();
        }

        var uploads = Path.Combine(StoragePaths.Repository(registry.V2Root, NeverPushed), "_uploads");
        foreach (var startedAt in Directory.EnumerateFiles(uploads, "startedat", SearchOption.AllDirectories))
        {
            await File.WriteAllTextAsync(startedAt, DateTimeOffset.UtcNow.AddDays(-3).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
    }
}
