using System.CommandLine;
using RegistryGuard.Common;
using RegistryGuard.Metrics;
using RegistryGuard.Reporting;
using RegistryGuard.Scanning;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.Cli.Commands;

internal static class ScanCommand
{
    public static Command Create()
    {
        var root = new Option<string>("--root") { Description = "The registry's storage rootdirectory (holding docker/registry/v2), or the v2 directory itself.", Required = true };
        var deep = new Option<bool>("--deep") { Description = "Rehash every blob's data (each file once) and report corrupt_blob where bytes and digest differ." };
        var pullThrough = new Option<string[]>("--pull-through")
        {
            Description = "Repositories (glob, repeatable) that are pull-through caches: missing index children are normal there. Alone: every repository.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var uploadAge = new Option<string>("--upload-age") { Description = "Report _uploads leftovers older than this (e.g. 24h, 90m, 7d).", DefaultValueFactory = _ => "24h" };
        var fix = new Option<bool>("--fix") { Description = "Repair: write back missing child revision links whose bytes are on disk, remove dangling layer links. Journaled." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only say what --fix would do (the default)." };
        var journal = new Option<string?>("--journal") { Description = "Journal file for --fix (default: $XDG_STATE_HOME/registryguard/journals/)." };
        var concurrency = new Option<int>("--concurrency") { Description = "Parallel directory walkers.", DefaultValueFactory = _ => ScanOptions.DefaultConcurrency };
        var output = new Option<ReportFormat>("--output", "-o") { Description = "text or json.", DefaultValueFactory = _ => ReportFormat.Text };
        var push = new PushOptions(ScanMetrics.DefaultJob);
        var command = new Command("scan", "Check the registry's storage directly (never over HTTP); dry run unless --fix.")
        {
            root, deep, pullThrough, uploadAge, fix, dryRun, journal, concurrency, output,
        };
        push.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var rootDirectory = parse.GetValue(root)!;
            var repair = parse.GetValue(fix);
            if (repair && parse.GetValue(dryRun))
            {
                throw new UsageException("--fix and --dry-run contradict each other");
            }

            if (repair && Scanner.RefuseFix(rootDirectory) is { } refusal)
            {
                throw new UsageException(refusal);
            }

            var globs = parse.GetResult(pullThrough) is null ? []
                : parse.GetValue(pullThrough) is { Length: > 0 } patterns ? patterns.Select(p => new GlobPattern(p)).ToList()
                : [new GlobPattern("**")];
            var options = new ScanOptions(rootDirectory)
            {
                Deep = parse.GetValue(deep),
                PullThrough = globs,
                UploadAge = DurationText.TryParse(parse.GetValue(uploadAge), out var age) ? age : throw new UsageException($"--upload-age '{parse.GetValue(uploadAge)}' is not a duration such as 24h"),
                Concurrency = parse.GetValue(concurrency) is > 0 and var n ? n : throw new UsageException("--concurrency must be positive"),
            };
            var journalPath = parse.GetValue(journal) ?? JournalLocation.Default("scan", TimeProvider.System);
            if (repair)
            {
                ExistingJournal.Refuse(journalPath);
            }

            var pushTarget = push.Build(parse, Environment.MachineName, Probing.Shard.Whole);
            var scanner = new Scanner(options);
            ScanReport report;
            await using (ScanProgressReporter.StartIfTerminal(scanner.Counters))
            {
                report = await Task.Run(() => ScanRun.Execute(scanner, repair, journalPath, ct), ct).ConfigureAwait(false);
            }

            ScanReportWriter.Write(report, parse.GetValue(output), Console.Out);
            if (report.FatalError is not null)
            {
                await Console.Error.WriteLineAsync("error: " + report.FatalError).ConfigureAwait(false);
            }

            if (report.Summary.JournalPath is not null)
            {
                await Console.Error.WriteLineAsync("journal: " + report.Summary.JournalPath).ConfigureAwait(false);
            }

            return pushTarget is null ? report.ExitCode : await pushTarget.PushAsync(ScanMetrics.From(report), report.ExitCode, ct).ConfigureAwait(false);
        }));
        return command;
    }
}
