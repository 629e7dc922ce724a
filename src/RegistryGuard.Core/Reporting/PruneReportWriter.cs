using System.Globalization;
using System.Text.Json;
using RegistryGuard.Common;
using RegistryGuard.Pruning;
using RegistryGuard.Pruning.Execution;
using RegistryGuard.Pruning.Planning;

namespace RegistryGuard.Reporting;

/// <summary>The prune report: the plan with a reason for every decision, what was applied, and how to finish.</summary>
public static class PruneReportWriter
{
    public static void Write(PruneReport report, ReportFormat format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ReportOutput.Write(format, output, text => WriteText(report, text), json => WriteJson(report, json));
    }

    private static void WriteText(PruneReport report, TextWriter output)
    {
        var plan = report.Plan;
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv,
            $"registryguard prune {report.Target} ({(report.Execution is null ? "dry run: nothing changed" : "applied")}, {report.Executor} executor)"));
        foreach (var repository in plan.Repositories)
        {
            output.WriteLine();
            output.WriteLine($"{repository.Repository}:");
            foreach (var tag in repository.Tags.OrderBy(t => t.Action).ThenBy(t => t.Tag, StringComparer.Ordinal))
            {
                output.WriteLine($"  {(tag.Action == PruneAction.Keep ? "keep  " : "PRUNE ")} tag {tag.Tag} -> {tag.Digest.Abbreviated}: {tag.Reason}");
            }

            foreach (var manifest in repository.Deletions)
            {
                output.WriteLine(string.Create(inv, $"  DELETE manifest {manifest.Digest} ({manifest.Size} B): {manifest.Reason}"));
            }

            output.WriteLine($"  {repository.Manifests.Count(m => m.Action == PruneAction.Keep)} manifests kept");
        }

        output.WriteLine();
        var bound = plan.BytesAreUpperBound ? "up to " : "";
        output.WriteLine(string.Create(inv,
            $"plan: {plan.TagsPruned} tags pruned, {plan.ManifestsToDelete} manifests deleted, {bound}{ByteSize.Format(plan.BytesReclaimable)} in {plan.Reclaimable.Count} blobs reclaimable by garbage-collect"));
        if (report.Interrupted)
        {
            output.WriteLine("INTERRUPTED: stopped by a signal during the apply; the change in flight was finished and recorded, no other was started");
        }

        if (report.Execution is { } execution)
        {
            output.WriteLine(string.Create(inv,
                $"applied: {execution.Deleted.Count} manifests deleted, {execution.TagsDeleted} tags removed, {execution.Skipped.Count(s => !s.Failed)} skipped, {execution.Failures} failed; {bound}{ByteSize.Format(execution.BytesReclaimable)} reclaimable"));
            foreach (var skip in execution.Skipped)
            {
                output.WriteLine($"  {(skip.Failed ? "FAILED" : "skipped")} {skip.Repository}@{skip.Digest}: {skip.Reason}");
            }

            foreach (var warning in execution.Warnings)
            {
                output.WriteLine("  WARNING: " + warning);
            }

            if (execution.BackupDirectory is not null)
            {
                output.WriteLine($"restore bundle: {execution.BackupDirectory}");
            }

            if (execution.JournalPath is not null)
            {
                output.WriteLine($"journal: {execution.JournalPath}");
            }
        }

        foreach (var step in report.NextSteps)
        {
            output.WriteLine("next: " + step);
        }
    }

    private static void WriteJson(PruneReport report, Utf8JsonWriter w)
    {
        var plan = report.Plan;
        w.WriteStartObject();
        w.WriteNumber("schema_version", ReportOutput.SchemaVersion);
        w.WriteString("command", "prune");
        w.WriteString("target", report.Target);
        w.WriteString("executor", report.Executor);
        w.WriteBoolean("applied", report.Execution is not null);
        w.WriteStartObject("summary");
        w.WriteNumber("repositories", plan.Repositories.Count);
        w.WriteNumber("tags", plan.Repositories.Sum(r => r.Tags.Count));
        w.WriteNumber("tags_kept", plan.Repositories.Sum(r => r.Tags.Count(t => t.Action == PruneAction.Keep)));
        w.WriteNumber("tags_pruned", plan.TagsPruned);
        w.WriteNumber("manifests_to_delete", plan.ManifestsToDelete);
        w.WriteNumber("blobs_reclaimable", plan.Reclaimable.Count);
        w.WriteNumber("bytes_reclaimable", plan.BytesReclaimable);
        w.WriteBoolean("bytes_are_upper_bound", plan.BytesAreUpperBound);
        w.WriteNumber("tags_without_push_time", plan.TagsWithoutPushTime);
        w.WriteBoolean("interrupted", report.Interrupted);
        if (report.Execution is { } e)
        {
            w.WriteNumber("manifests_deleted", e.Deleted.Count);
            w.WriteNumber("tags_deleted", e.TagsDeleted);
            w.WriteNumber("skipped", e.Skipped.Count(s => !s.Failed));
            w.WriteNumber("failed", e.Failures);
            w.WriteNumber("bytes_reclaimed", e.BytesReclaimable);
        }

        w.WriteEndObject();
        w.WriteStartArray("repositories");
        foreach (var repository in plan.Repositories)
        {
            WriteRepository(w, repository);
        }

        w.WriteEndArray();
        if (report.Execution is { } execution)
        {
            WriteExecution(w, execution);
        }

        ReportOutput.WriteStrings(w, "warnings", report.Warnings);
        ReportOutput.WriteStrings(w, "next_steps", report.NextSteps);
        w.WriteEndObject();
    }

    private static void WriteRepository(Utf8JsonWriter w, RepositoryPlan repository)
    {
        w.WriteStartObject();
        w.WriteString("repository", repository.Repository);
        w.WriteString("order", TagOrderText.Name(repository.Order));
        w.WriteBoolean("order_chosen", repository.Policy.OrderChosen);
        w.WriteNumber("tags_without_push_time", repository.TagsWithoutPushTime);
        w.WriteStartArray("tags");
        foreach (var tag in repository.Tags)
        {
            w.WriteStartObject();
            w.WriteString("tag", tag.Tag);
            w.WriteString("digest", tag.Digest.ToString());
            w.WriteString("action", tag.Action == PruneAction.Keep ? "keep" : "delete");
            w.WriteString("reason", tag.Reason);
            w.WriteBoolean("attached", tag.Attached);
            if (tag.PushedAt is { } pushed)
            {
                w.WriteString("pushed_at", PrunePlanner.Describe(pushed));
            }
            else
            {
                w.WriteNull("pushed_at");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("manifests");
        foreach (var manifest in repository.Manifests)
        {
            w.WriteStartObject();
            w.WriteString("digest", manifest.Digest.ToString());
            w.WriteString("media_type", manifest.MediaType);
            w.WriteNumber("size", manifest.Size);
            w.WriteString("action", manifest.Action == PruneAction.Keep ? "keep" : "delete");
            w.WriteString("reason", manifest.Reason);
            w.WriteStartArray("tags");
            foreach (var tag in manifest.Tags)
            {
                w.WriteStringValue(tag);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteExecution(Utf8JsonWriter w, PruneExecution execution)
    {
        w.WriteStartObject("execution");
        w.WriteStartArray("deleted");
        foreach (var deleted in execution.Deleted)
        {
            w.WriteStartObject();
            w.WriteString("repository", deleted.Repository);
            w.WriteString("digest", deleted.Digest.ToString());
            w.WriteStartArray("tags");
            foreach (var tag in deleted.Tags)
            {
                w.WriteStringValue(tag);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("skipped");
        foreach (var skip in execution.Skipped)
        {
            w.WriteStartObject();
            w.WriteString("repository", skip.Repository);
            w.WriteString("digest", skip.Digest.ToString());
            w.WriteString("reason", skip.Reason);
            w.WriteBoolean("failed", skip.Failed);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("backup", execution.BackupDirectory);
        w.WriteString("journal", execution.JournalPath);
        w.WriteEndObject();
    }
}
