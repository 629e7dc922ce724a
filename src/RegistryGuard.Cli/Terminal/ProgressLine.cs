using RegistryGuard.Probing;
using RegistryGuard.Scanning;

namespace RegistryGuard.Cli.Terminal;

/// <summary>What the live counter line says for each walk.</summary>
internal static class ProgressLine
{
    public static IAsyncDisposable? Probe(ProbeCounters c) =>
        LiveCounterLine.StartIfTerminal(() => $"{c.Repositories} repositories, {c.Tags} tags, {c.Manifests} manifests, {c.Blobs} blobs, {c.BlobsHashed} hashed…");

    public static IAsyncDisposable? Scan(ScanCounters c) =>
        LiveCounterLine.StartIfTerminal(() => $"{c.Blobs} blobs, {c.BlobsHashed} hashed, {c.Repositories} repositories, {c.Tags} tags, {c.Revisions} revisions, {c.LayerLinks} layer links…");
}
