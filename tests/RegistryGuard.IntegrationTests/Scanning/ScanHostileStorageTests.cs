using System.Text;
using RegistryGuard.Common;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Oci;
using RegistryGuard.Storage;

namespace RegistryGuard.IntegrationTests.Scanning;

/// <summary>Real registry storage with every kind of garbage an operator's disk can hold: each one reported, none fatal.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ScanHostileStorageTests
{
    private static readonly UnixFileMode Readable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    [Fact]
    public async Task Garbage_links_symlinks_out_of_the_root_an_unreadable_directory_a_fifo_and_a_zero_byte_blob_are_each_reported()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var v2 = seeded.Registry.V2Root;
        MakeReadableByEveryone(seeded.Registry.RootDirectory);
        var layers = Path.Combine(StoragePaths.Repository(v2, "demo/tools"), "_layers", "sha256");
        static string Hex(string seed) => Digest.Sha256Of(Encoding.UTF8.GetBytes(seed)).Hex;

        WriteFile(Path.Combine(layers, Hex("garbage"), "link"), "not a digest\n"u8.ToArray());
        WriteFile(Path.Combine(layers, Hex("elsewhere"), "link"), Encoding.ASCII.GetBytes("sha256:" + Hex("other")));
        WriteFile(Path.Combine(layers, Hex("huge"), "link"), new byte[10 << 20]);
        Directory.CreateDirectory(Path.Combine(layers, "zzz-not-a-digest"));
        Directory.CreateSymbolicLink(Path.Combine(v2, "repositories", "escape"), "/etc");
        Directory.CreateDirectory(Path.Combine(layers, Hex("symlinked")));
        File.CreateSymbolicLink(Path.Combine(layers, Hex("symlinked"), "link"), "/etc/hostname");
        Directory.CreateDirectory(Path.Combine(layers, Hex("fifo")));
        await MakeFifo(Path.Combine(layers, Hex("fifo"), "link"));
        var fifoBlob = Hex("fifo-blob");
        Directory.CreateDirectory(Path.Combine(v2, "blobs", "sha256", fifoBlob[..2], fifoBlob));
        await MakeFifo(Path.Combine(v2, "blobs", "sha256", fifoBlob[..2], fifoBlob, "data"));
        Directory.CreateDirectory(Path.Combine(v2, "repositories", "Bad Name", "_manifests"));
        var garbageManifest = "{ this is not json"u8.ToArray();
        var garbageDigest = Digest.Sha256Of(garbageManifest);
        WriteFile(StoragePaths.BlobData(v2, garbageDigest), garbageManifest);
        WriteFile(StoragePaths.RevisionLink(v2, "demo/tools", garbageDigest), Encoding.ASCII.GetBytes(garbageDigest.ToString()));
        var upload = Path.Combine(StoragePaths.Repository(v2, "demo/tools"), "_uploads", "4f1c1a7e-0000-4000-8000-000000000001");
        WriteFile(Path.Combine(upload, "data"), new byte[1000]);
        WriteFile(Path.Combine(upload, "startedat"), "2020-01-01T00:00:00Z"u8.ToArray());
        var truncated = seeded.Content.Tools.Blobs[^1].Digest;
        Breakage.TruncateBlob(v2, truncated);
        var unreadable = Path.Combine(StoragePaths.Repository(v2, DemoContent.AppRepository), "_manifests", "tags");
        File.SetUnixFileMode(unreadable, UnixFileMode.None);

        try
        {
            var asNobody = await CliRunner.RunAsNobodyAsync("scan", "--root", seeded.Registry.StorageRoot, "--deep", "--output", "json");
            var asRoot = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--deep", "--output", "json");

            foreach (var result in new[] { asNobody, asRoot })
            {
                Assert.True(result.ExitCode == 1, result.Combined);
                var findings = JsonReport.Parse(result.StandardOutput).Findings;
                Assert.Contains(findings, f => f.Kind == "corrupt_link" && f.Detail.Contains("'not a digest?'", StringComparison.Ordinal));
                Assert.Contains(findings, f => f.Kind == "corrupt_link" && f.Detail.Contains("but lives under", StringComparison.Ordinal));
                Assert.Contains(findings, f => f.Kind == "corrupt_link" && f.Detail.Contains("10485760 bytes", StringComparison.Ordinal));
                Assert.Contains(findings, f => f.Kind == "corrupt_link" && f.Detail.Contains("zzz-not-a-digest", StringComparison.Ordinal));
                Assert.Contains(findings, f => f.Kind == "corrupt_link" && f.Digest == "sha256:" + Hex("fifo") && f.Detail.Contains("not a regular file", StringComparison.Ordinal));
                Assert.Contains(findings, f => f.Kind == "unreadable_path" && f.Repository == "escape" && f.Detail.Contains("outside the storage root", StringComparison.Ordinal));
                Assert.Contains(findings, f => f.Kind == "unreadable_path" && f.Detail.Contains(Hex("symlinked"), StringComparison.Ordinal) && f.Detail.Contains("outside the storage root", StringComparison.Ordinal));
                Assert.Contains(findings, f => f.Kind == "invalid_name" && f.Repository == "Bad Name");
                Assert.Contains(findings, f => f.Kind == "unreadable_manifest" && f.Digest == garbageDigest.ToString() && f.Detail.Contains("garbage-collect stops on it", StringComparison.Ordinal));
                Assert.Contains(findings, f => f.Kind == "stale_upload" && f.Severity == "info" && f.Detail.Contains("1020 B", StringComparison.Ordinal));
                Assert.Contains(findings, f => f.Kind == "corrupt_blob" && f.Repository == "demo/tools" && f.Digest == truncated.ToString() && f.Detail.Contains("0 bytes", StringComparison.Ordinal));
                Assert.Contains(findings, f => f.Kind == "size_mismatch" && f.Digest == truncated.ToString());
                Assert.Contains(findings, f => f.Kind == "corrupt_blob" && f.Digest == "sha256:" + fifoBlob);
            }

            var nobodyFindings = JsonReport.Parse(asNobody.StandardOutput).Findings;
            Assert.Contains(nobodyFindings, f => f.Kind == "unreadable_path" && f.Repository == DemoContent.AppRepository && f.Detail.Contains("_manifests/tags", StringComparison.Ordinal));
        }
        finally
        {
            File.SetUnixFileMode(unreadable, Readable);
        }
    }

    private static void MakeReadableByEveryone(string directory)
    {
        File.SetUnixFileMode(directory, Readable);
        foreach (var child in Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(child, Readable);
        }
    }

    private static void WriteFile(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    private static async Task MakeFifo(string path)
    {
        var result = await ProcessRunner.RunAsync(RequiredTool.Path("mkfifo"), [path], TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.True(result.ExitCode == 0, result.Combined);
    }
}
