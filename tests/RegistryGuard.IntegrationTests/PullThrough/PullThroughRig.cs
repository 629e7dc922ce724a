using RegistryGuard.Common;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;

namespace RegistryGuard.IntegrationTests.PullThrough;

/// <summary>
/// The VM's cache setup on loopback: an upstream docker-registry holding the demo images (pushed with skopeo, the
/// multi-arch indexes with every platform), and a second docker-registry in proxy mode in front of it. Nothing is
/// cached until a test pulls through the cache.
/// </summary>
internal sealed class PullThroughRig : IAsyncDisposable
{
    private PullThroughRig(LocalRegistry upstream, LocalRegistry cache, DemoContent content)
    {
        Upstream = upstream;
        Cache = cache;
        Content = content;
    }

    public LocalRegistry Upstream { get; }

    public LocalRegistry Cache { get; }

    public DemoContent Content { get; }

    public string CacheUrl => Cache.Url.ToString();

    public static async Task<PullThroughRig> StartAsync()
    {
        var upstream = await LocalRegistry.StartAsync();
        var content = DemoContent.Create();
        var layout = Directory.CreateTempSubdirectory("pull-through-layout-").FullName;
        try
        {
            foreach (var repository in content.Tags.GroupBy(t => t.Repository))
            {
                var directory = Path.Combine(layout, repository.Key.Replace('/', '_'));
                OciLayoutWriter.Write(directory, repository.ToDictionary(t => t.Tag, t => t.Artifact));
                foreach (var tagged in repository)
                {
                    var push = await Skopeo.PushLayoutAsync(directory, tagged.Tag, upstream.HostPort, tagged.Repository);
                    Assert.True(push.ExitCode == 0, push.Combined);
                }
            }

            return new PullThroughRig(upstream, await LocalRegistry.StartPullThroughAsync(upstream.Url), content);
        }
        catch
        {
            await upstream.DisposeAsync();
            throw;
        }
        finally
        {
            Directory.Delete(layout, recursive: true);
        }
    }

    /// <summary>A client on <paramref name="architecture"/> pulls <paramref name="reference"/> through the cache.</summary>
    public async Task PullThroughCacheAsync(string reference, string architecture = "amd64")
    {
        var pull = await Skopeo.PullPlatformAsync(Cache.HostPort, reference, architecture);
        Assert.True(pull.ExitCode == 0, pull.Combined);
    }

    public Task<ProcessResult> PullAsync(string reference, string architecture = "amd64") =>
        Skopeo.PullPlatformAsync(Cache.HostPort, reference, architecture);

    /// <summary>The cache's whole storage tree with each file's bytes and mtime, once the cache is idle (see <see cref="CacheStorage"/>).</summary>
    public Task<SortedDictionary<string, string>> SettledCacheStorageAsync() => CacheStorage.SettledAsync(Cache.StorageRoot);

    public async ValueTask DisposeAsync()
    {
        await Cache.DisposeAsync();
        await Upstream.DisposeAsync();
    }
}
