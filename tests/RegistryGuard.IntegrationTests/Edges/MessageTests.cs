using RegistryGuard.Common;
using RegistryGuard.IntegrationTests.Infrastructure;

namespace RegistryGuard.IntegrationTests.Edges;

/// <summary>The messages an operator met on the way in, against the real registry: each says what is wrong and how to fix it, once.</summary>
public sealed class MessageTests
{
    [Fact]
    public async Task A_loopback_registry_given_without_a_scheme_is_read_over_plain_http_with_one_note()
    {
        await using var seeded = await SeededRegistry.StartAsync();

        var result = await CliRunner.RunAsync("probe", "--registry", seeded.Registry.HostPort);

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        var note = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("note: ", note, StringComparison.Ordinal);
        Assert.Contains($"http://{seeded.Registry.HostPort}", note, StringComparison.Ordinal);
        Assert.DoesNotContain("--ca-file", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("3 repositories", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v2/")]
    [InlineData("v2")]
    public async Task A_registry_url_ending_in_the_api_root_is_the_registry(string suffix)
    {
        await using var seeded = await SeededRegistry.StartAsync();

        var result = await CliRunner.RunAsync("probe", "--registry", seeded.Url + suffix);

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public async Task A_registry_that_refuses_connections_is_one_line_on_stderr_and_nothing_on_stdout()
    {
        var result = await CliRunner.RunAsync("probe", "--registry", "http://127.0.0.1:1", "--retries", "0");

        Assert.Equal(ExitCodes.RegistryUnavailable, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
        var line = OneLineErrors.Single(result);
        Assert.Contains("http://127.0.0.1:1", line, StringComparison.Ordinal);
        Assert.Contains("cannot connect", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_storage_root_this_user_cannot_read_is_permission_denied_not_not_registry_storage()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        // The registry's temporary root is 0700 and owned by root (Directory.CreateTempSubdirectory): nobody cannot enter it.

        foreach (var arguments in new[]
            {
                new[] { "scan", "--root", seeded.Registry.StorageRoot },
                ["scan", "--root", seeded.Registry.StorageRoot, "--fix", "--journal", Path.Combine(Path.GetTempPath(), $"registryguard-nobody-{Guid.NewGuid():N}.jsonl")],
            })
        {
            var result = await CliRunner.RunAsNobodyAsync(arguments);

            Assert.Equal(ExitCodes.RegistryUnavailable, result.ExitCode);
            var line = OneLineErrors.Single(result);
            Assert.Contains("permission denied", line, StringComparison.Ordinal);
            Assert.DoesNotContain("not registry storage", line, StringComparison.Ordinal);
            Assert.DoesNotContain("does not look like", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_explicit_docker_config_that_does_not_exist_is_an_error_the_implicit_default_is_not()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var missing = Path.Combine(Path.GetTempPath(), $"registryguard-missing-{Guid.NewGuid():N}.json");

        var explicitly = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--docker-config", missing);
        var implicitly = await CliRunner.RunAsync("probe", "--registry", seeded.Url); // HOME has no .docker/config.json

        Assert.Equal(ExitCodes.Usage, explicitly.ExitCode);
        Assert.Contains(missing, OneLineErrors.Single(explicitly), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Clean, implicitly.ExitCode);
    }

    [Theory]
    [InlineData("prune", "--keep", "abc", "whole number")]
    [InlineData("probe", "--output", "yaml", "one of: json, text")]
    [InlineData("probe", "--log-level", "verbose", "one of:")]
    public async Task A_value_that_does_not_fit_says_what_is_allowed_without_dotnet_type_names(string command, string flag, string value, string allowed)
    {
        var result = await CliRunner.RunAsync(command, "--registry", "http://127.0.0.1:1", flag, value);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var line = OneLineErrors.Single(result);
        Assert.Contains($"{flag}: '{value}' is not", line, StringComparison.Ordinal);
        Assert.Contains(allowed, line, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("RegistryGuard.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_the_reference_it_checked()
    {
        await using var seeded = await SeededRegistry.StartAsync();

        var result = await CliRunner.RunAsync("verify", $"{seeded.Registry.HostPort}/demo/tools:stable", "--plain-http");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.StartsWith($"registryguard verify {seeded.Url.TrimEnd('/')}/demo/tools:stable:", result.StandardOutput, StringComparison.Ordinal);
    }
}
