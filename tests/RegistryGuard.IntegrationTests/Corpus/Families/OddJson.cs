using System.Text;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Corpus.Content;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Families;

/// <summary>
/// Manifests whose bytes are unusual but valid: tabs, CRLF with every non-ASCII character escaped, and a hand-written
/// document with spaces around colons, blank lines, <c>\/</c> and lower-case <c>\u003c</c> escapes (Go's style).
/// The digest is of the bytes as pushed, so nothing may re-serialize them.
/// </summary>
internal static class OddJson
{
    public const string Repository = "json/odd";

    public static async Task PushAsync(CorpusSession session)
    {
        var annotations = new[]
        {
            ("org.opencontainers.image.description", "Grüße from <b>&\"quoted\"</b> \\ back\\slash ✓ 🚀"),
            ("org.opencontainers.image.url", "https://example.com/a/b?c=d&e=f"),
        };
        await session.TagAsync(Repository, "tabs", Manifests.Image(Images.Spec("odd-tabs", Images.Amd64, null, 0, MediaTypes.OciLayerGzip, MediaTypes.OciConfig) with
        {
            Style = JsonStyle.Tabs,
            Annotations = annotations,
        }));
        await session.TagAsync(Repository, "crlf-escaped", Manifests.Image(Images.Spec("odd-crlf", Images.Amd64, null, 0, MediaTypes.OciLayerGzip, MediaTypes.OciConfig) with
        {
            Style = JsonStyle.WindowsEscaped,
            Annotations = annotations,
        }));
        await session.TagAsync(Repository, "hand-written", HandWritten());
    }

    private static ManifestArtifact HandWritten()
    {
        var layer = Layers.Gzip("odd-hand-written");
        var config = Configs.Image(Images.Amd64, [layer], style: JsonStyle.Tabs);
        var text = $$"""
            {   "schemaVersion" : 2 ,


              "mediaType" : "application\/vnd.oci.image.manifest.v1+json",
              "config" : { "mediaType" : "application\/vnd.oci.image.config.v1+json" , "size" : {{config.Size}} , "digest" : "{{config.Digest}}" },
              "layers" : [
                { "size":{{layer.Blob.Size}},"digest":"{{layer.Blob.Digest}}","mediaType":"application/vnd.oci.image.layer.v1.tar+gzip" }
              ] ,
              "annotations" : { "note" : "\u003cnot html\u003e \u0026 \u00fcber \ud83d\ude80 \t tab" }
            }

            """.Replace("\n", "\r\n", StringComparison.Ordinal);
        return new ManifestArtifact(MediaTypes.OciManifest, Encoding.UTF8.GetBytes(text), [config, layer.Blob], []);
    }
}
