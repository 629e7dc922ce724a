using System.Net;
using System.Text;
using RegistryGuard.Oci;
using RegistryGuard.Pruning;
using RegistryGuard.Pruning.Execution;
using RegistryGuard.Pruning.Planning;
using RegistryGuard.Registry;
using static RegistryGuard.Tests.Pruning.InventoryBuilder;

namespace RegistryGuard.Tests.Pruning.Execution;

public sealed class ApiPruneExecutorTests : IDisposable
{
    private readonly string _backup = Directory.CreateTempSubdirectory("prune-backup-").FullName;

    [Fact]
    public async Task A_registry_refusing_delete_stops_the_prune_and_says_to_use_root()
    {
        var b = new InventoryBuilder();
        b.Tag("new", b.Image("new-img", "n"), 2).Tag("old", b.Image("old-img", "o"), 1).Tag("older", b.Image("older-img", "x"), 0);
        var plan = PrunePlanner.Plan([b.Build()], new PruneRules(PrunePolicy.Default with { Keep = 1 }));
        var tags = new Dictionary<string, Digest> { ["new"] = D("new-img"), ["old"] = D("old-img"), ["older"] = D("older-img") };
        using var handler = new PullThroughCacheHandler(tags);
        using var client = new RegistryClient(new RegistryClientOptions(new Uri("http://cache.test/")) { MaxRetries = 0 }, handler);

        var execution = await new ApiPruneExecutor(client, RestoreBundle.Create(_backup)).ExecuteAsync(plan, CancellationToken.None);

        Assert.Empty(execution.Deleted);
        var failure = Assert.Single(execution.Skipped);
        Assert.True(failure.Failed);
        Assert.Contains("405", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("--root", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(1, handler.Deletes); // stopped at the first refusal
        Assert.DoesNotContain(RestoreBundle.Read(_backup), e => e.Deleted);
    }

    public void Dispose() => Directory.Delete(_backup, recursive: true);

    /// <summary>Serves tags and manifests like a registry, and answers DELETE like a pull-through cache: 405.</summary>
    private sealed class PullThroughCacheHandler(Dictionary<string, Digest> tags) : HttpMessageHandler
    {
        public int Deletes { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            HttpResponseMessage response;
            if (path.EndsWith("/tags/list", StringComparison.Ordinal))
            {
                response = Json($"{{\"name\":\"app\",\"tags\":[{string.Join(',', tags.Keys.Select(t => $"\"{t}\""))}]}}");
            }
            else if (request.Method == HttpMethod.Delete)
            {
                Deletes++;
                response = new HttpResponseMessage(HttpStatusCode.MethodNotAllowed)
                {
                    Content = new StringContent("{\"errors\":[{\"code\":\"UNSUPPORTED\",\"message\":\"The operation is unsupported.\"}]}"),
                };
            }
            else
            {
                var reference = path[(path.LastIndexOf('/') + 1)..];
                var digest = tags.TryGetValue(reference, out var tagged) ? tagged : Digest.Parse(reference);
                response = Json("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}");
                response.Headers.Add("Docker-Content-Digest", digest.ToString());
            }

            return Task.FromResult(response);
        }

        private static HttpResponseMessage Json(string body) =>
            new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
