using System.CommandLine;
using RegistryGuard.Reporting;
using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Options;

/// <summary>The flags of <c>prune</c>, mapped onto <see cref="PruneRunOptions"/>.</summary>
internal sealed class PruneFlags
{
    private readonly PrunePolicyFlags _policy = new();
    private readonly ConnectionFlags _connection = new();
    private readonly PushFlags _push = new(PruneRunOptions.DefaultJob);

    public Option<string?> Registry { get; } = new("--registry", "-r") { Description = "Prune over the API (DELETE by digest; needs storage.delete.enabled)." };

    public Option<DirectoryInfo?> Root { get; } = new("--root") { Description = "Prune on storage (the registry's rootdirectory), for pull-through caches or a stopped registry." };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print the plan and change nothing (the default)." };

    public Option<bool> Apply { get; } = new("--apply") { Description = "Execute the plan." };

    public Option<DirectoryInfo?> Backup { get; } = new("--backup") { Description = "API: restore bundle directory (default: a new one under $XDG_STATE_HOME/registryguard/prune-backups)." };

    public Option<FileInfo?> Journal { get; } = new("--journal") { Description = "Filesystem: journal file (default under $XDG_STATE_HOME/registryguard/journals)." };

    public Option<string?> GcCommand { get; } = new("--gc-command") { Description = "After --apply, run this shell command (your registry's plain garbage-collect; never --delete-untagged)." };

    public Option<ReportFormat> Output { get; } = OutputFlag.Create();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Registry, Root, DryRun, Apply, Backup, Journal, GcCommand, Output })
        {
            command.Add(option);
        }

        _policy.AddTo(command);
        _connection.AddTo(command);
        _push.AddTo(command);
    }

    public PruneRunOptions Map(ParseResult parse)
    {
        var url = parse.GetValue(Registry);
        var storage = parse.GetValue(Root);
        if ((url is null) == (storage is null))
        {
            throw new UsageException("give exactly one of --registry URL (API) or --root DIR (storage)");
        }

        var apply = parse.GetValue(Apply);
        if (apply && parse.GetValue(DryRun))
        {
            throw new UsageException("--apply and --dry-run contradict each other");
        }

        if (apply && url is null && parse.GetValue(Journal) is { } journal)
        {
            ExistingJournal.Refuse(journal.FullName);
        }

        var rules = _policy.Map(parse);
        var registry = url is null ? null : RegistryUrl.Parse(url);
        var push = _push.Map(parse);
        var target = registry is null ? PruneRunOptions.OnStorage(storage!.FullName) : PruneRunOptions.OverApi(_connection.Map(parse, registry, !RegistryUrl.SchemeGiven(url!)));
        return target with
        {
            Rules = rules,
            Apply = apply,
            Backup = parse.GetValue(Backup)?.FullName,
            JournalPath = parse.GetValue(Journal)?.FullName,
            GcCommand = parse.GetValue(GcCommand),
            Push = push,
        };
    }
}
