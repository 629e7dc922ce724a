using System.Text.Json;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>The CLI's --output json, parsed for assertions.</summary>
internal sealed record JsonFinding(string Kind, string Severity, string Repository, string? Tag, string? Parent, string? Digest, string Detail, bool? Repairable);

internal sealed class JsonReport
{
    private JsonReport(JsonElement summary, IReadOnlyList<JsonFinding> findings)
    {
        Summary = summary;
        Findings = findings;
    }

    public JsonElement Summary { get; }

    public IReadOnlyList<JsonFinding> Findings { get; }

    public IEnumerable<JsonFinding> Failures => Findings.Where(f => f.Severity == "failure");

    public int SummaryInt(string name) => Summary.GetProperty(name).GetInt32();

    public static JsonReport Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var findings = root.GetProperty("findings").EnumerateArray().Select(f => new JsonFinding(
            f.GetProperty("kind").GetString()!,
            f.GetProperty("severity").GetString()!,
            f.GetProperty("repository").GetString()!,
            f.GetProperty("tag").GetString(),
            f.GetProperty("parent").GetString(),
            f.GetProperty("digest").GetString(),
            f.GetProperty("detail").GetString()!,
            f.TryGetProperty("repairable", out var r) ? r.GetBoolean() : null)).ToList();
        var summary = root.TryGetProperty("summary", out var s) ? s.Clone() : default;
        return new JsonReport(summary, findings);
    }
}
