using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using RegistryGuard.Demo;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Content;

/// <summary>
/// Layer blobs in the byte layouts clients push: gzip'd tar, plain tar, and eStargz. Content comes from a seed, so
/// the same seed gives the same digest and distinct seeds never share a blob by accident.
/// </summary>
internal static class Layers
{
    public const string OciTar = "application/vnd.oci.image.layer.v1.tar";
    public const string DockerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    public const string DockerForeign = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
    public const string OciNondistributableGzip = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";

    public static Layer Gzip(string seed, int bytes = 256, string mediaType = MediaTypes.OciLayerGzip)
    {
        var tar = Tar([(FileName(seed), Random(seed, bytes))], endOfArchive: true);
        return new Layer(new BlobContent(mediaType, Compress(tar)), Digest.Sha256Of(tar));
    }

    /// <summary>An uncompressed layer (what <c>skopeo copy --dest-decompress</c> and <c>oras</c> push): the blob is its own diff_id.</summary>
    public static Layer Uncompressed(string seed, int bytes = 256)
    {
        var tar = Tar([(FileName(seed), Random(seed, bytes))], endOfArchive: true);
        return new Layer(new BlobContent(OciTar, tar), Digest.Sha256Of(tar));
    }

    /// <summary>A foreign layer (Docker schema2, Windows base images) or an OCI non-distributable one: only its descriptor exists.</summary>
    public static Layer Foreign(string seed, string mediaType) =>
        Gzip(seed, 512, mediaType) with { Urls = [$"https://mcr.example.com/v2/windows/blobs/sha256:{Digest.Sha256Of(Encoding.UTF8.GetBytes(seed)).Hex}"] };

    /// <summary>
    /// eStargz as stargz-snapshotter writes it: each file its own gzip member, then a member holding the TOC
    /// (<c>stargz.index.json</c>) and the tar end, then a 51-byte footer: an empty gzip member whose extra field
    /// carries the TOC's offset as 16 hex digits and "STARGZ". The descriptor names the TOC digest and the
    /// uncompressed size, so lazy pullers can find files without reading the whole blob.
    /// </summary>
    public static Layer EStargz(string seed, int files = 3)
    {
        using var blob = new MemoryStream();
        using var uncompressed = new MemoryStream();
        var entries = new StringBuilder();
        for (var i = 0; i < files; i++)
        {
            var name = $"app/{seed}-{i}.txt";
            var content = Random($"{seed}-{i}", 128 + (i * 64));
            var offset = blob.Length;
            var tar = Tar([(name, content)], endOfArchive: false);
            uncompressed.Write(tar);
            blob.Write(Compress(tar));
            entries.Append(i == 0 ? "" : ",").Append($$"""{"name":"{{name}}","type":"reg","size":{{content.Length}},"mode":420,"offset":{{offset}},"digest":"{{Digest.Sha256Of(content)}}"}""");
        }

        var toc = Encoding.UTF8.GetBytes($$"""{"version":1,"entries":[{{entries}}]}""");
        var tocOffset = blob.Length;
        var tocTar = Tar([("stargz.index.json", toc)], endOfArchive: true);
        uncompressed.Write(tocTar);
        blob.Write(Compress(tocTar));
        blob.Write(Footer(tocOffset));
        return new Layer(new BlobContent(MediaTypes.OciLayerGzip, blob.ToArray()), Digest.Sha256Of(uncompressed.ToArray()))
        {
            Annotations =
            [
                ("containerd.io/snapshot/stargz/toc.digest", Digest.Sha256Of(toc).ToString()),
                ("io.containers.estargz.uncompressed-size", uncompressed.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
        };
    }

    public static byte[] Random(string seed, int bytes)
    {
        var content = new byte[bytes];
        new Random(StableSeed(seed)).NextBytes(content);
        return content;
    }

    private static byte[] Footer(long tocOffset)
    {
        var payload = Encoding.ASCII.GetBytes($"{tocOffset:x16}STARGZ");
        using var footer = new MemoryStream();
        footer.Write([0x1f, 0x8b, 0x08, 0x04, 0, 0, 0, 0, 0, 0xff]); // gzip, deflate, FEXTRA, no mtime, unknown OS
        footer.Write(BitConverter.GetBytes((ushort)(4 + payload.Length)));
        footer.Write([(byte)'S', (byte)'G']);
        footer.Write(BitConverter.GetBytes((ushort)payload.Length));
        footer.Write(payload);
        footer.Write([0x01, 0x00, 0x00, 0xff, 0xff]); // one final, empty stored block
        footer.Write(new byte[8]); // CRC-32 and size of nothing
        return footer.ToArray();
    }

    private static byte[] Tar(IReadOnlyList<(string Name, byte[] Content)> files, bool endOfArchive)
    {
        using var tar = new MemoryStream();
        // Ustar, not PAX: .NET's PAX headers carry the process id and the time, so digests would change per run.
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = new MemoryStream(content),
                    ModificationTime = DateTimeOffset.UnixEpoch,
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                });
            }
        }

        var bytes = tar.ToArray();
        return endOfArchive ? bytes : bytes[..^1024]; // TarWriter always ends the archive; a member in the middle must not
    }

    private static byte[] Compress(byte[] bytes)
    {
        using var gzip = new MemoryStream();
        using (var compressor = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
        {
            compressor.Write(bytes);
        }

        return gzip.ToArray();
    }

    private static string FileName(string seed) => $"data/{string.Concat(seed.Select(c => char.IsLetterOrDigit(c) ? c : '-'))}.bin";

    private static int StableSeed(string seed) => BitConverter.ToInt32(Convert.FromHexString(Digest.Sha256Of(Encoding.UTF8.GetBytes(seed)).Hex[..8]));
}
