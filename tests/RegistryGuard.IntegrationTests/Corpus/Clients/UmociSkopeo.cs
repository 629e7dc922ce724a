namespace RegistryGuard.IntegrationTests.Corpus.Clients;

/// <summary>
/// umoci writes OCI layouts (its manifests carry no mediaType field); skopeo pushes them the ways it can: as they are,
/// recompressed to zstd and zstd:chunked, converted to Docker schema2, and decompressed to plain tar layers. A fresh
/// <c>umoci new</c> image has no layers at all. Every image gets its own content, so skopeo never reuses a blob
/// compressed another way.
/// </summary>
internal static class UmociSkopeo
{
    public static async Task PushAsync(string hostPort, string workDirectory, string salt)
    {
        var layout = Path.Combine(workDirectory, "umoci-layout");
        await ClientTool.RunAsync("umoci", "init", "--layout", layout);
        await ClientTool.RunAsync("umoci", "new", "--image", $"{layout}:empty");
        await ClientTool.RunAsync("umoci", "config", "--image", $"{layout}:empty", "--config.cmd", "/bin/true", "--architecture", "amd64", "--os", "linux");
        string[] variants = ["as-written", "zstd", "zstd-chunked", "v2s2", "uncompressed"];
        foreach (var variant in variants)
        {
            await ClientTool.RunAsync("umoci", "new", "--image", $"{layout}:{variant}");
            await ClientTool.RunAsync("umoci", "config", "--image", $"{layout}:{variant}", "--config.cmd", "/bin/app", "--architecture", "amd64", "--os", "linux");
            var bundle = Path.Combine(workDirectory, $"umoci-bundle-{variant}");
            string[] rootless = Environment.IsPrivilegedProcess ? [] : ["--rootless"];
            await ClientTool.RunAsync("umoci", ["unpack", .. rootless, "--image", $"{layout}:{variant}", bundle]);
            var directory = Path.Combine(bundle, "rootfs", "srv");
            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(Path.Combine(directory, "variant.txt"), $"{variant} {salt}\n{new string('z', 4096)}\n");
            await ClientTool.RunAsync("umoci", ["repack", .. rootless, "--image", $"{layout}:{variant}", bundle]);
        }

        string[] push = ["copy", "--quiet", "--dest-tls-verify=false"];
        await ClientTool.RunAsync("skopeo", [.. push, $"oci:{layout}:empty", $"docker://{hostPort}/clients/umoci/empty:1"]);
        await ClientTool.RunAsync("skopeo", [.. push, $"oci:{layout}:as-written", $"docker://{hostPort}/clients/umoci/app:1"]);
        await ClientTool.RunAsync("skopeo", [.. push, "--dest-compress", "--dest-compress-format", "zstd", $"oci:{layout}:zstd", $"docker://{hostPort}/clients/skopeo/zstd:1"]);
        await ClientTool.RunAsync("skopeo", [.. push, "--dest-compress", "--dest-compress-format", "zstd:chunked", $"oci:{layout}:zstd-chunked", $"docker://{hostPort}/clients/skopeo/zstd-chunked:1"]);
        await ClientTool.RunAsync("skopeo", [.. push, "--format", "v2s2", $"oci:{layout}:v2s2", $"docker://{hostPort}/clients/skopeo/v2s2:1"]);
        await ClientTool.RunAsync("skopeo", [.. push, "--dest-decompress", $"oci:{layout}:uncompressed", $"docker://{hostPort}/clients/skopeo/uncompressed:1"]);
    }
}
