using System.Globalization;
using RegistryGuard.Probing;
using RegistryGuard.Scanning;

namespace RegistryGuard.Cli.Terminal;

/// <summary>What the live counter line says for each walk: done/total where the total is known.</summary>
internal static class ProgressLine
{
    public static IAsyncDisposable? Probe(ProbeCounters c) =>
        LiveCounterLine.StartIfTerminal(() => ProbeText(c));

    public static IAsyncDisposable? Scan(ScanCounters c) =>
        LiveCounterLine.StartIfTerminal(() => ScanText(c));

    /// <summary>"repositories 12/40": the total once the catalog is read to its end, "12/40+" while it is still being listed.</summary>
    internal static string ProbeText(ProbeCounters c) => string.Create(CultureInfo.InvariantCulture,
        $"repositories {c.RepositoriesDone}/{c.RepositoriesQueued}{(c.CatalogComplete ? "" : "+")}, {c.Tags} tags, {c.Manifests} manifests, {c.Blobs} blobs, {c.BlobsHashed} hashed…");

    internal static string ScanText(ScanCounters c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Blobs} blobs, {c.BlobsHashed} hashed, repositories {(c.RepositoriesFound < 0 ? "…" : $"{c.Repositories}/{c.RepositoriesFound}")}, {c.Tags} tags, {c.Revisions} revisions, {c.LayerLinks} layer links…");
}
