using RegistryGuard.Scheduling.Config;
using RegistryGuard.Testing;

namespace RegistryGuard.Tests.Scheduling;

public sealed class ServeExampleConfigTests
{
    [Fact]
    public void The_documented_example_config_is_valid()
    {
        var example = RepositoryFiles.Read("deploy", "serve.example.yml");
        var files = Directory.CreateTempSubdirectory("serve-example-").FullName;
        foreach (var absolute in new[] { "/run/credentials/registryguard-serve.service/registry-password", "/etc/registryguard/registry-ca.pem", "/etc/docker/registry/config.yml" })
        {
            var local = Path.Combine(files, Path.GetFileName(absolute));
            File.WriteAllText(local, "x");
            example = example.Replace(absolute, local, StringComparison.Ordinal);
        }

        var key = Path.Combine(files, "cosign.pub");
        File.WriteAllText(key, Signatures.OpensslFixtures.P256Public);
        example = example.Replace("/etc/registryguard/cosign.pub", key, StringComparison.Ordinal);

        example = example.Replace("/var/lib/docker-registry", files, StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(files, "caches", "dockerhub"));
        Directory.CreateDirectory(Path.Combine(files, "caches", "ghcr"));

        var config = ServeConfigLoader.Parse(example, "serve.example.yml", files);

        Assert.Equal(["prune", "gc", "scan", "nightly-probe", "probe"], config.Jobs.Take(5).Select(j => j.Name)); // the documented nightly order
        Assert.Equal(["dockerhub-cache-probe", "dockerhub-cache-scan", "ghcr-cache-probe", "ghcr-cache-scan"], config.Jobs.Skip(5).Select(j => j.Name));
        Assert.All(config.Registries.Values.Where(r => r.Name.EndsWith("-cache", StringComparison.Ordinal)), r => Assert.Equal("**", Assert.Single(r.PullThrough).Pattern));
        Assert.Equal(9, RegistryGuard.Scheduling.ServeJobFactory.Create(config, TimeProvider.System).Count);
        Assert.Equal("Europe/London", config.TimeZone.Id);
        Assert.Equal([key], config.Jobs.Single(j => j.Name == "probe").Lists["cosign_keys"]);
    }
}
