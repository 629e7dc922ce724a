using System.Text.Json;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Deploy;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Testing;

namespace RegistryGuard.IntegrationTests.Reporting;

/// <summary>
/// The JSON every command prints, from real runs against the real registry (findings, repairs, an apply, a registry
/// that cannot be read, a restore, an undo and its re-run), checked against docs/json/*.schema.json: the description in docs/json.md cannot drift from
/// what the binary writes, in either direction (no undescribed field, no missing required one).
/// </summary>
public sealed class JsonOutputSchemaTests
{
    [Fact]
    public async Task Every_commands_real_json_output_fits_its_documented_schema()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        Breakage.RemoveChildRevisionLinks(seeded.Registry.V2Root, DemoContent.AppRepository, seeded.Content.AppV2);
        var journal = Path.Combine(seeded.Registry.RootDirectory, "fix.jsonl");
        var bundle = Path.Combine(seeded.Registry.RootDirectory, "bundle");
        var outputs = new List<(string Schema, string[] Arguments)>
        {
            ("probe", ["probe", "--registry", seeded.Url, "-o", "json"]),
            ("probe", ["probe", "--registry", "http://127.0.0.1:1", "--retries", "0", "-o", "json"]),
            ("probe", ["verify", $"{seeded.Registry.HostPort}/{DemoContent.AppRepository}:latest", "--plain-http", "-o", "json"]),
            ("scan", ["scan", "--root", seeded.Registry.StorageRoot, "-o", "json"]),
            ("scan", ["scan", "--root", seeded.Registry.StorageRoot, "--fix", "--journal", journal, "-o", "json"]),
            ("undo", ["undo", "--journal", journal, "-o", "json"]),
            ("undo", ["undo", "--journal", journal, "-o", "json"]),
            ("scan", ["scan", "--root", seeded.Registry.StorageRoot, "--fix", "--journal", journal + ".again", "-o", "json"]),
            ("scan", ["scan", "--root", Path.Combine(seeded.Registry.RootDirectory, "nothing-here"), "-o", "json"]),
            ("prune", ["prune", "--registry", seeded.Url, "--keep", "1", "--order", "name", "-o", "json"]),
            ("prune", ["prune", "--registry", seeded.Url, "--keep", "0", "--protect", "none", "--order", "name", "--apply",
                "--backup", bundle, "-o", "json"]),
            ("restore", ["restore", "--backup", bundle, "--registry", seeded.Url, "-o", "json"]),
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var undone = new List<(int Restored, int AlreadyUndone)>();

        foreach (var (schemaName, arguments) in outputs)
        {
            var result = await CliRunner.RunAsync(arguments);
            using var schema = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "docs", "json", $"{schemaName}.schema.json")));
            using var document = JsonDocument.Parse(result.StandardOutput);

            var problems = SchemaValidator.Validate(schema.RootElement, document.RootElement);

            Assert.True(problems.Count == 0, $"{string.Join(' ', arguments)} (exit {result.ExitCode}):\n{string.Join('\n', problems)}\n{result.StandardOutput}");
            seen.Add(document.RootElement.GetProperty("command").GetString()!);
            if (schemaName == "undo")
            {
                var summary = document.RootElement.GetProperty("summary");
                undone.Add((summary.GetProperty("restored").GetInt32(), summary.GetProperty("already_undone").GetInt32()));
            }
        }

        // The fix wrote links back; the first undo removes them, the second finds every one already as before.
        Assert.True(undone[0].Restored > 0 && undone[0].AlreadyUndone == 0, $"first undo: {undone[0]}");
        Assert.Equal((0, undone[0].Restored), undone[1]);

        Assert.Equal(["probe", "prune", "restore", "scan", "undo", "verify"], seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_validator_rejects_an_undescribed_field_a_missing_one_and_a_wrong_type()
    {
        using var schema = JsonDocument.Parse("""{"type":"object","additionalProperties":false,"required":["a"],"properties":{"a":{"type":"integer"}}}""");

        Assert.Empty(SchemaValidator.Validate(schema.RootElement, JsonDocument.Parse("""{"a":1}""").RootElement));
        Assert.Single(SchemaValidator.Validate(schema.RootElement, JsonDocument.Parse("""{"a":1,"b":2}""").RootElement));
        Assert.Single(SchemaValidator.Validate(schema.RootElement, JsonDocument.Parse("""{}""").RootElement));
        Assert.Single(SchemaValidator.Validate(schema.RootElement, JsonDocument.Parse("""{"a":"1"}""").RootElement));
    }
}
