using System.Net;
using RegistryGuard.Registry;

namespace RegistryGuard.Tests.Registry;

public sealed class RegistryClientLimitTests
{
    [Fact]
    public async Task Endless_manifest_without_Content_Length_is_refused_after_reading_at_most_the_limit()
    {
        var body = new CountingStream();
        var options = new RegistryClientOptions(new Uri("http://registry.test/")) { MaxRetries = 0 };
        using var client = new RegistryClient(options, new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) }));

        var error = await Assert.ThrowsAsync<ManifestTooLargeException>(() => client.GetManifestAsync("demo/app", "latest", CancellationToken.None));

        Assert.Contains("4194304-byte limit", error.Message, StringComparison.Ordinal);
        Assert.InRange(body.BytesRead, options.MaxManifestBytes, options.MaxManifestBytes + (64 * 1024));
    }

    [Fact]
    public async Task Manifest_announcing_more_than_the_limit_is_refused_before_reading_the_body()
    {
        var body = new CountingStream();
        using var client = new RegistryClient(new RegistryClientOptions(new Uri("http://registry.test/")) { MaxRetries = 0 }, new StubHandler(_ =>
        {
            var content = new StreamContent(body);
            content.Headers.ContentLength = 10 * 1024 * 1024;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }));

        await Assert.ThrowsAsync<ManifestTooLargeException>(() => client.GetManifestAsync("demo/app", "latest", CancellationToken.None));

        Assert.Equal(0, body.BytesRead);
    }
}
