using System.CommandLine;
using RegistryGuard.Cli.Options;
using RegistryGuard.Cli.Terminal;
using RegistryGuard.Common;
using RegistryGuard.Demo;
using RegistryGuard.Probing;
using RegistryGuard.Registry;
using RegistryGuard.Reporting;
using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Commands;

/// <summary>
/// The embedded default: a throwaway registry:2 seeded with demo images, broken the way the post-mortem
/// describes, then probed. Exit 0 when the probe finds exactly the breakage the demo made.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var flags = new DemoFlags();
        var command = new Command("demo", "Start a throwaway registry, seed demo images, break one index like the 2026-04-19 incident, probe it, repair it with scan --fix, probe again.");
        flags.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => RunAsync(parse.GetValue(flags.Keep), parse.GetValue(flags.Output), ct)));
        return command;
    }

    private static async Task<int> RunAsync(bool keep, ReportFormat format, CancellationToken cancellationToken)
    {
        var say = format == ReportFormat.Text ? Console.Out : Console.Error;

        // Everything the demo starts is stopped and removed on any exit: returning, an error, a signal (the run's token;
        // disposal runs), a second signal or Environment.Exit (LocalRegistry's exit hook).
        var registry = await LocalRegistry.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            return await ShowAsync(registry, keep, format, say, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await registry.DisposeAsync().ConfigureAwait(false);
            await say.WriteLineAsync($"Stopped the throwaway registry and removed {registry.RootDirectory}").ConfigureAwait(false);
        }
    }

    private static async Task<int> ShowAsync(LocalRegistry registry, bool keep, ReportFormat format, TextWriter say, CancellationToken cancellationToken)
    {
        await say.WriteLineAsync($"1. Started a throwaway registry:2 (docker-registry) at {registry.Url} with storage under {registry.StorageRoot}").ConfigureAwait(false);

        var content = DemoContent.Create();
        using var client = new RegistryClient(new RegistryClientOptions(registry.Url));
        await content.PushAsync(client, cancellationToken).ConfigureAwait(false);
        await say.WriteLineAsync($"2. Pushed {content.Tags.Count} tags in {content.RepositoryCount} repositories: "
            + string.Join(", ", content.Tags.Select(t => $"{t.Repository}:{t.Tag}"))).ConfigureAwait(false);

        var removed = Breakage.RemoveTagLikeCleanupScript(registry.V2Root, DemoContent.AppRepository, "1.0", content.AppV1);
        await say.WriteLineAsync($"3. Did what cleanup-tags.sh did: rmtree'd {DemoContent.AppRepository}:1.0 and the revision links of its "
            + $"{removed.Count} index children. Their bytes are still on disk, and 1.1/latest share two of those children.").ConfigureAwait(false);
        await say.WriteLineAsync($"4. registryguard probe --registry {registry.Url}").ConfigureAwait(false);
        await say.WriteLineAsync().ConfigureAwait(false);

        var probe = new ProbeRunOptions(new RegistryConnection(registry.Url));
        var report = await ProbeAsync(probe, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        ProbeReportWriter.Write(report, format, Console.Out);

        var expected = content.AppV2.Children.Select(c => c.Digest).Intersect(removed).Count() * 2; // 1.1 and latest
        var found = report.Findings.Count(f => f.Kind == Findings.FindingKind.MissingManifest);
        await say.WriteLineAsync().ConfigureAwait(false);
        await say.WriteLineAsync(found == expected
            ? $"The probe found all {expected} broken references: every tag that reaches a child whose revision link is gone. "
              + "A pull of demo/app:latest fails with 'manifest unknown' exactly like the incident."
            : $"UNEXPECTED: the demo broke {expected} references but the probe reported {found}.").ConfigureAwait(false);

        // The repair the post-mortem never had: the bytes survived, so writing the links back needs no rebuild.
        var journal = Path.Combine(registry.RootDirectory, "demo-fix.jsonl");
        await say.WriteLineAsync().ConfigureAwait(false);
        await say.WriteLineAsync($"5. registryguard scan --root {registry.StorageRoot} --fix --journal {journal}").ConfigureAwait(false);
        var scanned = await new ScanService().RunAsync(new ScanRunOptions(registry.StorageRoot) { Fix = true, JournalPath = journal }, progress: null, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var scan = scanned.Report!;
        foreach (var repair in scan.Repairs)
        {
            await say.WriteLineAsync("   " + repair.Describe()).ConfigureAwait(false);
        }

        await say.WriteLineAsync($"   {scan.Summary.RepairsMade} links written back, journaled in {journal} (registryguard undo --journal … reverts them)").ConfigureAwait(false);
        var after = await ProbeAsync(probe, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await say.WriteLineAsync($"6. registryguard probe again: {(after.ExitCode == ExitCodes.Clean ? "clean: every tag pulls again, no image was rebuilt" : $"still {after.Findings.Count} findings")}").ConfigureAwait(false);
        var demonstrated = found == expected && after.ExitCode == ExitCodes.Clean;

        if (keep)
        {
            await say.WriteLineAsync($"Registry left running at {registry.Url} (storage {registry.StorageRoot}); Ctrl+C or SIGTERM stops it and removes the storage.").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Interrupted; // the way --keep ends; the caller stops and removes everything
            }
        }

        return demonstrated ? ExitCodes.Clean : ExitCodes.Findings;
    }

    private static async Task<ProbeReport> ProbeAsync(ProbeRunOptions options, CancellationToken cancellationToken) =>
        (await new ProbeService().RunAsync(options, progress: null, cancellationToken).ConfigureAwait(false)).Report!;
}
