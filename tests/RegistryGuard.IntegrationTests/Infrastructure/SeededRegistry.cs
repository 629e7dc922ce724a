using RegistryGuard.Demo;
using RegistryGuard.Registry;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>A real registry with the demo content pushed: the starting point of most incident replays.</summary>
internal sealed class SeededRegistry : IAsyncDisposable
{
    private SeededRegistry(LocalRegistry registry, DemoContent content)
    {
        Registry = registry;
        Content = content;
    }

    public LocalRegistry Registry { get; }

    public DemoContent Content { get; }

    public string Url => Registry.Url.ToString();

    public static async Task<SeededRegistry> StartAsync(string? htpasswd = null, RegistryGuard.Registry.Auth.RegistryCredentials? credentials = null)
    {
        var registry = await LocalRegistry.StartAsync(htpasswd);
        var content = DemoContent.Create();
        using var client = new RegistryClient(new RegistryClientOptions(registry.Url) { Credentials = credentials });
        await content.PushAsync(client, CancellationToken.None);
        return new SeededRegistry(registry, content);
    }

    public ValueTask DisposeAsync() => Registry.DisposeAsync();
}
