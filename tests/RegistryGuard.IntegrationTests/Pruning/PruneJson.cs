using System.Text.Json;

namespace RegistryGuard.IntegrationTests.Pruning;

/// <summary>prune --output json, parsed for assertions.</summary>
internal sealed record PruneJson(
    IReadOnlyDictionary<string, (string Action, string Reason)> Tags,
    IReadOnlyList<string> DeletedManifests,
    JsonElement Summary)
{
    public long SummaryLong(string name) => Summary.GetProperty(name).GetInt64();

    public static PruneJson Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var repository = document.RootElement.GetProperty("repositories").EnumerateArray().Single(r => r.GetProperty("repository").GetString() == PruneScenario.Repository);
        var tags = repository.GetProperty("tags").EnumerateArray().ToDictionary(
            t => t.GetProperty("tag").GetString()!, t => (t.GetProperty("action").GetString()!, t.GetProperty("reason").GetString()!));
        var deleted = repository.GetProperty("manifests").EnumerateArray()
            .Where(m => m.GetProperty("action").GetString() == "delete").Select(m => m.GetProperty("digest").GetString()!).ToList();
        return new PruneJson(tags, deleted, document.RootElement.GetProperty("summary").Clone());
    }
}
