namespace RegistryGuard.IntegrationTests.Corpus.Clients;

/// <summary>
/// buildah without a daemon and without a container runtime: <c>from scratch</c>, <c>add</c>, <c>config</c> and
/// <c>commit</c> touch only its own storage (vfs driver, under a temporary root), so it runs here without root
/// daemons or overlay mounts. It pushes single images (OCI and Docker schema2) and manifest lists
/// (<c>manifest push --all</c>, OCI and v2s2), which <c>skopeo sync</c> then mirrors to another repository.
/// </summary>
internal static class Buildah
{
    public static async Task PushAsync(string hostPort, string workDirectory, string salt)
    {
        var root = Path.Combine(workDirectory, "buildah");
        string[] storage = ["--root", Path.Combine(root, "storage"), "--runroot", Path.Combine(root, "run"), "--storage-driver", "vfs"];
        Task<string> Buildah(params string[] arguments) => ClientTool.RunAsync("buildah", [.. storage, .. arguments]);

        foreach (var architecture in new[] { "amd64", "arm64" })
        {
            var file = Path.Combine(root, $"app-{architecture}.txt");
            Directory.CreateDirectory(root);
            await File.WriteAllTextAsync(file, $"{architecture} {salt}\n");
            var container = await Buildah("from", "--quiet", "scratch");
            await Buildah("add", container, file, "/app.txt");
            await Buildah("config", "--cmd", "/app", "--arch", architecture, "--os", "linux", "--label", "org.opencontainers.image.source=corpus", container);
            await Buildah("commit", "--quiet", "--format", "oci", container, $"localhost/corpus-app:{architecture}");
            await Buildah("rm", container);
        }

        var target = $"docker://{hostPort}/clients/buildah";
        await Buildah("push", "--quiet", "--tls-verify=false", "localhost/corpus-app:amd64", $"{target}/app:oci");
        await Buildah("push", "--quiet", "--tls-verify=false", "--format", "docker", "localhost/corpus-app:arm64", $"{target}/app:docker");
        await Buildah("manifest", "create", "localhost/corpus-list");
        await Buildah("manifest", "add", "localhost/corpus-list", "containers-storage:localhost/corpus-app:amd64");
        await Buildah("manifest", "add", "localhost/corpus-list", "containers-storage:localhost/corpus-app:arm64");
        await Buildah("manifest", "push", "--all", "--quiet", "--tls-verify=false", "localhost/corpus-list", $"{target}/multi:oci");
        await Buildah("manifest", "push", "--all", "--quiet", "--tls-verify=false", "--format", "v2s2", "localhost/corpus-list", $"{target}/multi:docker");

        // skopeo sync mirrors every tag of a repository, lists and their children included.
        await ClientTool.RunAsync("skopeo", "sync", "--all", "--src", "docker", "--dest", "docker", "--src-tls-verify=false", "--dest-tls-verify=false",
            $"{hostPort}/clients/buildah/multi", $"{hostPort}/clients/mirror");
    }
}
