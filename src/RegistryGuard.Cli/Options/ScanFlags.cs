using System.CommandLine;
using RegistryGuard.Common;
using RegistryGuard.Reporting;
using RegistryGuard.Runs;
using RegistryGuard.Scanning;

namespace RegistryGuard.Cli.Options;

/// <summary>The flags of <c>scan</c>, mapped onto <see cref="ScanRunOptions"/>.</summary>
internal sealed class ScanFlags
{
    private readonly PullThroughFlag _pullThrough = new("Repositories (glob, repeatable) that are pull-through caches: missing index children are normal there. Alone: every repository.");
    private readonly PushFlags _push = new(ScanRunOptions.DefaultJob);

    public Option<string> Root { get; } = new("--root") { Description = "The registry's storage rootdirectory (holding docker/registry/v2), or the v2 directory itself.", Required = true };

    public Option<bool> Deep { get; } = new("--deep") { Description = "Rehash every blob's data (each file once) and report corrupt_blob where bytes and digest differ." };

    public Option<string> UploadAge { get; } = new("--upload-age") { Description = "Report _uploads leftovers older than this (e.g. 24h, 90m, 7d).", DefaultValueFactory = _ => ScanRunOptions.DefaultUploadAgeText };

    public Option<bool> Fix { get; } = new("--fix") { Description = "Repair: write back missing child revision links whose bytes are on disk, remove dangling layer links. Journaled." };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Only say what --fix would do (the default)." };

    public Option<string?> Journal { get; } = new("--journal") { Description = "Journal file for --fix (default: $XDG_STATE_HOME/registryguard/journals/)." };

    public Option<int> Concurrency { get; } = new("--concurrency") { Description = "Parallel directory walkers.", DefaultValueFactory = _ => ScanOptions.DefaultConcurrency };

    public Option<ReportFormat> Output { get; } = OutputFlag.Create();

    public void AddTo(Command command)
    {
        command.Add(Root);
        command.Add(Deep);
        command.Add(_pullThrough.Option);
        command.Add(UploadAge);
        command.Add(Fix);
        command.Add(DryRun);
        command.Add(Journal);
        command.Add(Concurrency);
        command.Add(Output);
        _push.AddTo(command);
    }

    public ScanRunOptions Map(ParseResult parse)
    {
        var root = parse.GetValue(Root)!;
        var fix = parse.GetValue(Fix);
        if (fix && parse.GetValue(DryRun))
        {
            throw new UsageException("--fix and --dry-run contradict each other");
        }

        if (fix && Scanner.RefuseFix(root) is { } refusal)
        {
            throw new UsageException(refusal);
        }

        var options = new ScanRunOptions(root)
        {
            Deep = parse.GetValue(Deep),
            PullThrough = _pullThrough.Map(parse),
            UploadAge = DurationText.TryParse(parse.GetValue(UploadAge), out var age) ? age : throw new UsageException($"--upload-age '{parse.GetValue(UploadAge)}' is not a duration such as 24h"),
            Concurrency = parse.GetValue(Concurrency) is > 0 and var n ? n : throw new UsageException("--concurrency must be positive"),
            Fix = fix,
            JournalPath = parse.GetValue(Journal),
        };
        if (fix && options.JournalPath is { } journal)
        {
            ExistingJournal.Refuse(journal);
        }

        return options with { Push = _push.Map(parse) };
    }
}
