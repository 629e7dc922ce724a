using System.Diagnostics;
using System.Net;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Testing;

namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>The registry configuration shipped next to the compose file is accepted by the real registry.</summary>
public sealed class ComposeRegistryConfigTests
{
    [Fact]
    public async Task Real_registry_serves_with_the_compose_config_and_requires_auth()
    {
        var root = Directory.CreateTempSubdirectory("compose-registry-").FullName;
        var htpasswd = Path.Combine(root, "htpasswd");
        var users = await RegistryGuard.Common.ProcessRunner.RunAsync(RequiredTool.Path("htpasswd"), ["-Bbn", "probe", "secret"], TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(0, users.ExitCode);
        await File.WriteAllTextAsync(htpasswd, users.StandardOutput);
        var port = FreePort.Next();
        var info = new ProcessStartInfo(RequiredTool.Path("docker-registry")) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add(RepositoryFiles.Path("deploy", "compose", "registry-config.yml"));
        // Only what differs between the VM and this test: paths and the loopback port.
        info.Environment["REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY"] = Path.Combine(root, "storage");
        info.Environment["REGISTRY_AUTH_HTPASSWD_PATH"] = htpasswd;
        info.Environment["REGISTRY_HTTP_ADDR"] = $"127.0.0.1:{port}";
        using var registry = Process.Start(info)!;
        var log = registry.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            HttpStatusCode? status = null;
            for (var attempt = 0; attempt < 100 && status is null && !registry.HasExited; attempt++)
            {
                try
                {
                    status = (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/v2/"))).StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }

            Assert.False(registry.HasExited, "the registry rejected the config: " + (registry.HasExited ? await log : ""));
            Assert.Equal(HttpStatusCode.Unauthorized, status);
        }
        finally
        {
            registry.Kill(entireProcessTree: true);
            await registry.WaitForExitAsync();
            Directory.Delete(root, recursive: true);
        }
    }
}
