using System.Text.Json;

namespace RegistryGuard.IntegrationTests.Soak;

/// <summary>One job of serve's <c>/status</c>, as the soak reads it.</summary>
internal sealed record ServeJobState(
    string Name, bool Mutating, bool Running, long Runs, long Skips, DateTimeOffset? NextRun,
    DateTimeOffset? LastStarted, DateTimeOffset? LastFinished, int? LastExitCode)
{
    public static IReadOnlyDictionary<string, ServeJobState> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("jobs").EnumerateArray().Select(job =>
        {
            var last = job.GetProperty("last_run");
            var hasLast = last.ValueKind == JsonValueKind.Object;
            var next = job.GetProperty("next_run");
            return new ServeJobState(
                job.GetProperty("name").GetString()!,
                job.GetProperty("mutating").GetBoolean(),
                job.GetProperty("running").GetBoolean(),
                job.GetProperty("runs").GetInt64(),
                job.GetProperty("skips").GetInt64(),
                next.ValueKind == JsonValueKind.Null ? null : next.GetDateTimeOffset(),
                hasLast ? last.GetProperty("started_at").GetDateTimeOffset() : null,
                hasLast ? last.GetProperty("finished_at").GetDateTimeOffset() : null,
                hasLast ? last.GetProperty("exit_code").GetInt32() : null);
        }).ToDictionary(j => j.Name, StringComparer.Ordinal);
    }
}
