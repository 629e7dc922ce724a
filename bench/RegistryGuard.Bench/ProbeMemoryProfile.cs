using System.Diagnostics;
using RegistryGuard.Probing;
using RegistryGuard.Registry;

namespace RegistryGuard.Bench;

/// <summary>
/// Runs the probe in-process and samples where its memory goes: the managed heap (what the walk's graph and the
/// HTTP stack keep) against the process's resident set (heap + runtime + JIT'd code + native buffers).
/// </summary>
internal static class ProbeMemoryProfile
{
    public static async Task<Dictionary<string, double>> RunAsync(Uri registry, int concurrency, Shard shard, CancellationToken cancellationToken)
    {
        using var client = new RegistryClient(new RegistryClientOptions(registry) { Concurrency = concurrency });
        var prober = new Prober(client, new ProbeOptions { Concurrency = concurrency, Shard = shard });
        long peakHeap = 0, peakCommitted = 0, peakRss = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!stop.IsCancellationRequested)
            {
                var info = GC.GetGCMemoryInfo();
                self.Refresh();
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                peakCommitted = Math.Max(peakCommitted, info.TotalCommittedBytes);
                peakRss = Math.Max(peakRss, self.WorkingSet64);
                await Task.Delay(50, CancellationToken.None).ConfigureAwait(false);
            }
        }, CancellationToken.None);
        var report = await prober.ProbeRegistryAsync(cancellationToken).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        var liveAfter = GC.GetTotalMemory(forceFullCollection: true);
        const double MiB = 1024 * 1024;
        return new Dictionary<string, double>
        {
            ["requests"] = report.Summary.Requests,
            ["objects"] = report.Summary.Manifests + report.Summary.Blobs,
            ["seconds"] = Math.Round(report.Summary.Duration.TotalSeconds, 2),
            ["peak_managed_heap_mib"] = Math.Round(peakHeap / MiB, 1),
            ["peak_gc_committed_mib"] = Math.Round(peakCommitted / MiB, 1),
            ["peak_rss_mib"] = Math.Round(peakRss / MiB, 1),
            ["live_after_probe_mib"] = Math.Round(liveAfter / MiB, 1),
            ["allocated_mib"] = Math.Round(GC.GetTotalAllocatedBytes() / MiB, 1),
            ["gen0_collections"] = GC.CollectionCount(0),
            ["gen2_collections"] = GC.CollectionCount(2),
            ["jit_methods"] = System.Runtime.JitInfo.GetCompiledMethodCount(),
            ["jit_ms"] = Math.Round(System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds),
        };
    }
}
