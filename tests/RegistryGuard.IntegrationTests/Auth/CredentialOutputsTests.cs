using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Registry.Auth;

namespace RegistryGuard.IntegrationTests.Auth;

/// <summary>
/// Every command, every way of giving credentials, against a Basic-auth and a token-auth registry, at trace
/// level, exporting spans and pushing metrics: the outputs and the files written go to the secrets sweep.
/// </summary>
[Collection(SecretSweepGroup.Name)]
public sealed class CredentialOutputsTests
{
    [Fact]
    public async Task Basic_auth_runs_leave_no_secret_in_trace_logs_reports_bundles_journals_pushed_metrics_or_spans()
    {
        const string user = "sweeper";
        var password = SecretSweep.NewSecret("basic");
        await using var rig = await CredentialSweepRig.StartAsync();
        await using var seeded = await SeededRegistry.StartAsync(await Htpasswd.CreateAsync(user, password), new RegistryCredentials(user, password));

        var credentials = CliCredentials.EveryKind(rig.Directory, seeded.Registry.HostPort, user, password);
        await rig.RunEveryCommandAsync(seeded.Registry, seeded.Content, credentials, password);

        await rig.RecordServedAsync();
    }

    [Fact]
    public async Task Token_auth_runs_leave_no_secret_in_trace_logs_reports_bundles_journals_pushed_metrics_or_spans()
    {
        await using var rig = await CredentialSweepRig.StartAsync();
        await using var token = await TokenRegistry.StartAsync();
        var password = token.Password(TokenRegistry.Pruner);

        var credentials = CliCredentials.EveryKind(rig.Directory, token.Registry.HostPort, TokenRegistry.Pruner, password);
        await rig.RunEveryCommandAsync(token.Registry, token.Content, credentials, password);

        await rig.RecordServedAsync();
        Assert.Contains(token.Tokens.Requests, r => r.Contains("delete", StringComparison.Ordinal)); // prune really ran with a delete-scoped token
    }
}
