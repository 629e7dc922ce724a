using RegistryGuard.Metrics;
using RegistryGuard.Pruning;
using RegistryGuard.Registry;
using RegistryGuard.Common;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.Scheduling;

/// <summary>The prune command as a scheduled job: over the API, or on storage. Mutating only when it applies.</summary>
public sealed class PruneJob : IScheduledJob
{
    private readonly Func<RegistryClientOptions>? _client;
    private readonly string? _storageRoot;
    private readonly PruneRules _rules;
    private readonly bool _apply;
    private readonly string? _backupDirectory;
    private readonly string? _journalDirectory;
    private readonly TimeProvider _time;

    private PruneJob(Func<RegistryClientOptions>? client, string? storageRoot, PruneRules rules, bool apply, string? backupDirectory, string? journalDirectory, TimeProvider? timeProvider)
    {
        _client = client;
        _storageRoot = storageRoot;
        _rules = rules;
        _apply = apply;
        _backupDirectory = backupDirectory;
        _journalDirectory = journalDirectory;
        _time = timeProvider ?? TimeProvider.System;
    }

    public bool Mutating => _apply;

    public static PruneJob OverApi(Func<RegistryClientOptions> client, PruneRules rules, bool apply, string? backupDirectory, TimeProvider? timeProvider = null) =>
        new(client, null, rules, apply, backupDirectory, null, timeProvider);

    public static PruneJob OnStorage(string storageRoot, PruneRules rules, bool apply, string? journalDirectory, TimeProvider? timeProvider = null) =>
        new(null, storageRoot, rules, apply, null, journalDirectory, timeProvider);

    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        PruneReport report;
        try
        {
            if (_client is not null)
            {
                using var client = new RegistryClient(_client());
                var backup = Within(_backupDirectory, PruneBackupLocation.Default(_time));
                report = await PruneRun.OverApiAsync(client, _rules, _apply, backup, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                report = PruneRun.OnStorage(_storageRoot!, _rules, _apply, Within(_journalDirectory, JournalLocation.Default("prune", _time)), _time);
            }
        }
        catch (Exception ex) when (ex is RegistryUnreachableException or RegistryAuthException or DirectoryNotFoundException)
        {
            return new JobResult(ExitCodes.RegistryUnavailable, $"prune could not read its target: {ex.Message}", PruneMetrics.Failure());
        }

        var plan = report.Plan;
        var line = report.Execution is { } done
            ? $"deleted {done.Deleted.Count} manifests ({done.TagsDeleted} tags), skipped {done.Skipped.Count}; run plain garbage-collect to free the space"
            : $"dry run: would prune {plan.TagsPruned} tags, {plan.ManifestsToDelete} manifests";
        return new JobResult(PruneRun.ExitCode(report), line, PruneMetrics.From(report, _time.GetUtcNow()));
    }

    /// <summary>A fresh, uniquely named entry inside the configured directory, or the default location.</summary>
    private static string Within(string? directory, string fallback) =>
        directory is null ? fallback : Path.Combine(directory, Path.GetFileName(fallback));
}
