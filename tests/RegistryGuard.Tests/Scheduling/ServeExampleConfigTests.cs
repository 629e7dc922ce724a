using RegistryGuard.Scheduling.Config;

namespace RegistryGuard.Tests.Scheduling;

public sealed class ServeExampleConfigTests
{
    [Fact]
    public void The_documented_example_config_is_valid()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "RegistryGuard.sln")))
        {
            root = root.Parent!;
        }

        var example = File.ReadAllText(Path.Combine(root.FullName, "deploy", "serve.example.yml"));
        var files = Directory.CreateTempSubdirectory("serve-example-").FullName;
        foreach (var absolute in new[] { "/run/credentials/registryguard-serve.service/registry-password", "/etc/registryguard/registry-ca.pem", "/etc/docker/registry/config.yml" })
        {
            var local = Path.Combine(files, Path.GetFileName(absolute));
            File.WriteAllText(local, "x");
            example = example.Replace(absolute, local, StringComparison.Ordinal);
        }

        example = example.Replace("/var/lib/docker-registry", files, StringComparison.Ordinal);

        var config = ServeConfigLoader.Parse(example, "serve.example.yml", files);

        Assert.Equal(["prune", "gc", "scan", "nightly-probe", "hourly-probe"], config.Jobs.Select(j => j.Name)); // the documented nightly order
        Assert.Equal(5, RegistryGuard.Scheduling.ServeJobFactory.Create(config, TimeProvider.System).Count);
        Assert.Equal("Europe/London", config.TimeZone.Id);
    }
}
