using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Registry;
using RegistryGuard.Registry.Auth;

namespace RegistryGuard.IntegrationTests.Auth;

/// <summary>
/// The real registry with <c>auth.token</c> pointing at an in-process <see cref="TokenServer"/>, demo content
/// pushed with a push-scoped account. Every password, Basic pair and issued token goes to the secrets sweep.
/// </summary>
internal sealed class TokenRegistry : IAsyncDisposable
{
    public const string Pusher = "pusher";
    public const string Prober = "prober";
    public const string NoCatalog = "no-catalog";
    public const string DemoOnly = "demo-only";
    public const string CatalogOnly = "catalog-only";
    public const string Pruner = "pruner";

    private static readonly TokenGrant Catalog = new("registry", "catalog", "*");
    private static readonly TokenGrant PullAll = new("repository", "**", "pull");

    private readonly string _directory;

    private TokenRegistry(string directory, Dictionary<string, TokenAccount> accounts, TokenServer tokens, LocalRegistry registry)
    {
        _directory = directory;
        Accounts = accounts;
        Tokens = tokens;
        Registry = registry;
    }

    public IReadOnlyDictionary<string, TokenAccount> Accounts { get; }

    public TokenServer Tokens { get; }

    public LocalRegistry Registry { get; }

    public DemoContent Content { get; } = DemoContent.Create();

    public string Url => Registry.Url.ToString();

    public string Password(string user) => Accounts[user].Password;

    public static async Task<TokenRegistry> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("registryguard-token-").FullName;
        var accounts = new Dictionary<string, TokenAccount>
        {
            [Pusher] = new(SecretSweep.NewSecret("pw"), [Catalog, new TokenGrant("repository", "**", "pull", "push")]),
            [Prober] = new(SecretSweep.NewSecret("pw"), [Catalog, PullAll]),
            [NoCatalog] = new(SecretSweep.NewSecret("pw"), [PullAll]),
            [DemoOnly] = new(SecretSweep.NewSecret("pw"), [Catalog, new TokenGrant("repository", "demo/**", "pull")]),
            [CatalogOnly] = new(SecretSweep.NewSecret("pw"), [Catalog]),
            [Pruner] = new(SecretSweep.NewSecret("pw"), [Catalog, new TokenGrant("repository", "**", "pull", "push", "delete")]),
        };
        foreach (var (user, account) in accounts)
        {
            SecretSweep.AddCredentials(user, account.Password);
        }

        var tokens = await TokenServer.StartAsync(accounts, directory);
        var registry = await LocalRegistry.StartWithTokenAuthAsync(tokens.RegistryConfig);
        var rig = new TokenRegistry(directory, accounts, tokens, registry);
        using var client = new RegistryClient(new RegistryClientOptions(registry.Url) { Credentials = new RegistryCredentials(Pusher, accounts[Pusher].Password) });
        await rig.Content.PushAsync(client, CancellationToken.None);
        return rig;
    }

    /// <summary>Runs the CLI as <paramref name="user"/> (password on stdin) and records its output for the sweep.</summary>
    public async Task<Common.ProcessResult> ProbeAsync(string user, string registryUrl, params string[] extra)
    {
        var result = await CliRunner.RunAsync(
            ["probe", "--registry", registryUrl, "--username", user, "--password-stdin", "--timeout", "5", "--retries", "1", .. extra],
            Password(user) + "\n",
            null);
        return SecretSweep.Record($"token probe as {user}", result);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var token in Tokens.IssuedTokens)
        {
            SecretSweep.AddSecret(token);
        }

        await Registry.DisposeAsync();
        await Tokens.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
