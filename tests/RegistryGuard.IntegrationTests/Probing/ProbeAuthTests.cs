using RegistryGuard.Common;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Registry.Auth;

namespace RegistryGuard.IntegrationTests.Probing;

/// <summary>The private registry sits behind htpasswd Basic auth; the probe must read it and never print the password.</summary>
[Collection(SecretSweepGroup.Name)]
[Trait(NativeSuite.Trait, NativeSuite.Name)]
public sealed class ProbeAuthTests
{
    private const string User = "prober";
    private const string Password = "s3cret-Pa55word-do-not-print";

    private static async Task<string> HtpasswdFileAsync()
    {
        var result = await ProcessRunner.RunAsync(RequiredTool.Path("htpasswd"), ["-Bbn", User, Password], TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(0, result.ExitCode);
        var path = Path.Combine(Directory.CreateTempSubdirectory("htpasswd-").FullName, "htpasswd");
        await File.WriteAllTextAsync(path, result.StandardOutput);
        return path;
    }

    [Fact]
    public async Task Basic_auth_registry_is_clean_with_credentials_and_unavailable_without()
    {
        await using var seeded = await SeededRegistry.StartAsync(await HtpasswdFileAsync(), new RegistryCredentials(User, Password));

        var withStdin = await CliRunner.RunAsync(["probe", "--registry", seeded.Url, "--username", User, "--password-stdin", "--log-level", "Trace"], Password + "\n", null);
        var withEnv = await CliRunner.RunAsync(["probe", "--registry", seeded.Url, "--username", User, "-o", "json"], null,
            new Dictionary<string, string> { ["REGISTRYGUARD_PASSWORD"] = Password });
        var passwordFile = Path.Combine(seeded.Registry.RootDirectory, "password");
        await File.WriteAllTextAsync(passwordFile, Password + "\n");
        var withFile = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--username", User, "--password-file", passwordFile);
        var wrong = await CliRunner.RunAsync(["probe", "--registry", seeded.Url, "--username", User, "--password-stdin"], "wrong-" + Password, null);
        var none = await CliRunner.RunAsync("probe", "--registry", seeded.Url);

        Assert.True(withStdin.ExitCode == 0, withStdin.Combined);
        Assert.Contains("challenged with Basic", withStdin.StandardError, StringComparison.Ordinal); // debug logs really ran
        Assert.True(withEnv.ExitCode == 0, withEnv.Combined);
        Assert.True(withFile.ExitCode == 0, withFile.Combined);
        Assert.Equal(seeded.Content.Tags.Count, JsonReport.Parse(withEnv.StandardOutput).SummaryInt("tags"));
        Assert.Equal(3, wrong.ExitCode);
        Assert.Equal(3, none.ExitCode);
        Assert.Contains("401", wrong.StandardError, StringComparison.Ordinal);
        Assert.Contains("credentials", none.StandardError, StringComparison.Ordinal);
        SecretSweep.AddCredentials(User, Password);
        SecretSweep.AddSecret("wrong-" + Password);
        foreach (var run in new[] { withStdin, withEnv, withFile, wrong, none })
        {
            SecretSweep.Record("basic auth probe", run);
            Assert.DoesNotContain(Password, run.Combined, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Docker_config_credentials_are_used()
    {
        await using var seeded = await SeededRegistry.StartAsync(await HtpasswdFileAsync(), new RegistryCredentials(User, Password));
        var config = Path.Combine(seeded.Registry.RootDirectory, "config.json");
        var auth = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{User}:{Password}"));
        await File.WriteAllTextAsync(config, "{\"auths\":{\"" + seeded.Registry.HostPort + "\":{\"auth\":\"" + auth + "\"}}}");

        var result = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--docker-config", config);

        SecretSweep.AddCredentials(User, Password);
        SecretSweep.Record("docker config probe", result);
        Assert.True(result.ExitCode == 0, result.Combined);
        Assert.DoesNotContain(Password, result.Combined, StringComparison.Ordinal);
        Assert.DoesNotContain(auth, result.Combined, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_registry_exits_3_with_a_reason()
    {
        var result = await CliRunner.RunAsync("probe", "--registry", "http://127.0.0.1:1", "--retries", "1", "--timeout", "2");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cannot connect", result.StandardError, StringComparison.Ordinal);
    }
}
