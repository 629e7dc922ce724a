using System.CommandLine;
using RegistryGuard.Common;
using RegistryGuard.Metrics;
using RegistryGuard.Pruning;
using RegistryGuard.Pruning.Execution;
using RegistryGuard.Pruning.Planning;
using RegistryGuard.Registry;
using RegistryGuard.Reporting;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.Cli.Commands;

internal static class PruneCommand
{
    public static Command Create()
    {
        var registry = new Option<string?>("--registry", "-r") { Description = "Prune over the API (DELETE by digest; needs storage.delete.enabled)." };
        var root = new Option<DirectoryInfo?>("--root") { Description = "Prune on storage (the registry's rootdirectory), for pull-through caches or a stopped registry." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan and change nothing (the default)." };
        var apply = new Option<bool>("--apply") { Description = "Execute the plan." };
        var backup = new Option<DirectoryInfo?>("--backup") { Description = "API: restore bundle directory (default: a new one under $XDG_STATE_HOME/registryguard/prune-backups)." };
        var journal = new Option<FileInfo?>("--journal") { Description = "Filesystem: journal file (default under $XDG_STATE_HOME/registryguard/journals)." };
        var gcCommand = new Option<string?>("--gc-command") { Description = "After --apply, run this shell command (your registry's plain garbage-collect; never --delete-untagged)." };
        var output = new Option<ReportFormat>("--output", "-o") { Description = "text or json.", DefaultValueFactory = _ => ReportFormat.Text };
        var policy = new PruneOptions();
        var connection = new ConnectionOptions();
        var push = new PushOptions(PruneMetrics.DefaultJob);
        var command = new Command("prune", "Keep the newest tags and what they reach; delete the rest safely (dry run unless --apply).")
        {
            registry, root, dryRun, apply, backup, journal, gcCommand, output,
        };
        policy.AddTo(command);
        connection.AddTo(command);
        push.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var url = parse.GetValue(registry);
            var storage = parse.GetValue(root);
            if ((url is null) == (storage is null))
            {
                throw new UsageException("give exactly one of --registry URL (API) or --root DIR (storage)");
            }

            if (parse.GetValue(apply) && parse.GetValue(dryRun))
            {
                throw new UsageException("--apply and --dry-run contradict each other");
            }

            var applying = parse.GetValue(apply);
            if (applying && url is null && parse.GetValue(journal) is { } journalFile)
            {
                ExistingJournal.Refuse(journalFile.FullName);
            }

            var rules = policy.Build(parse);
            var registryUrl = url is null ? null : RegistryUrl.Parse(url);
            var pushTarget = registryUrl is null
                ? push.Build(parse, Environment.MachineName, Probing.Shard.Whole)
                : push.Build(parse, registryUrl, Probing.Shard.Whole);
            var report = registryUrl is not null
                ? await OverApiAsync(registryUrl, connection.Build(parse, registryUrl), rules, applying, parse.GetValue(backup)?.FullName, ct).ConfigureAwait(false)
                : OnStorage(storage!.FullName, rules, applying, parse.GetValue(journal)?.FullName);
            if (report is null)
            {
                return pushTarget is null
                    ? ExitCodes.RegistryUnavailable
                    : await pushTarget.PushAsync(PruneMetrics.Failure(), ExitCodes.RegistryUnavailable, ct).ConfigureAwait(false);
            }

            PruneReportWriter.Write(report, parse.GetValue(output), Console.Out);
            foreach (var warning in report.Warnings)
            {
                await Console.Error.WriteLineAsync("warning: " + warning).ConfigureAwait(false);
            }

            var exit = PruneRun.ExitCode(report);
            if (applying && parse.GetValue(gcCommand) is { } gc)
            {
                var result = await ProcessRunner.RunAsync("/bin/sh", ["-c", gc], TimeSpan.FromHours(2), ct).ConfigureAwait(false);
                await Console.Error.WriteLineAsync($"--gc-command exited {result.ExitCode}:\n{result.Combined}").ConfigureAwait(false);
                exit = result.ExitCode == 0 ? exit : ExitCodes.Findings;
            }

            return pushTarget is null ? exit : await pushTarget.PushAsync(PruneMetrics.From(report, TimeProvider.System.GetUtcNow()), exit, ct).ConfigureAwait(false);
        }));
        return command;
    }

    private static async Task<PruneReport?> OverApiAsync(Uri url, RegistryClientOptions options, PruneRules rules, bool applying, string? backup, CancellationToken ct)
    {
        using var client = new RegistryClient(options);
        try
        {
            return await PruneRun.OverApiAsync(client, rules, applying, backup ?? PruneBackupLocation.Default(TimeProvider.System), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RegistryUnreachableException or RegistryAuthException)
        {
            await Console.Error.WriteLineAsync($"error: {url.GetLeftPart(UriPartial.Authority)}: {ex.Message}").ConfigureAwait(false);
            return null;
        }
    }

    private static PruneReport? OnStorage(string root, PruneRules rules, bool applying, string? journalPath)
    {
        try
        {
            return PruneRun.OnStorage(root, rules, applying, journalPath ?? JournalLocation.Default("prune", TimeProvider.System), TimeProvider.System);
        }
        catch (DirectoryNotFoundException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return null;
        }
    }
}
