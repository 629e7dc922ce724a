using System.Text.Json;

namespace RegistryGuard.IntegrationTests.Reporting;

/// <summary>
/// The part of JSON Schema (2020-12) that docs/json/*.schema.json use, checked strictly: type (one or a list),
/// const, enum, required, properties, additionalProperties (false or a schema), items, and local $ref to $defs. Any
/// other keyword in a schema is an error, so the files cannot say more than this checks.
/// </summary>
internal static class SchemaValidator
{
    private static readonly HashSet<string> Known =
        ["$schema", "title", "description", "type", "const", "enum", "required", "properties", "additionalProperties", "items", "$ref", "$defs"];

    /// <returns>Every place where <paramref name="document"/> breaks <paramref name="schema"/>: empty when it fits.</returns>
    public static IReadOnlyList<string> Validate(JsonElement schema, JsonElement document)
    {
        var problems = new List<string>();
        Check(schema, schema, document, "$", problems);
        return problems;
    }

    private static void Check(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        foreach (var keyword in schema.EnumerateObject().Where(p => !Known.Contains(p.Name)))
        {
            problems.Add($"{path}: the schema uses '{keyword.Name}', which this validator does not check");
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!;
            const string Prefix = "#/$defs/";
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !root.GetProperty("$defs").TryGetProperty(name[Prefix.Length..], out var target))
            {
                problems.Add($"{path}: unresolvable $ref {name}");
                return;
            }

            Check(root, target, value, path, problems);
            return;
        }

        if (schema.TryGetProperty("type", out var type) && !TypeFits(type, value))
        {
            problems.Add($"{path}: {value.ValueKind} where the schema says {type}");
            return;
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            problems.Add($"{path}: {value} where the schema says const {constant}");
        }

        if (schema.TryGetProperty("enum", out var choices) && !choices.EnumerateArray().Any(c => JsonElement.DeepEquals(c, value)))
        {
            problems.Add($"{path}: {value} is not one of {choices}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(root, schema, value, path, problems);
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(root, items, item, $"{path}[{index++}]", problems);
            }
        }
    }

    private static void CheckObject(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
            {
                problems.Add($"{path}: missing required '{name}'");
            }
        }

        var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(root, propertySchema, property.Value, $"{path}.{property.Name}", problems);
            }
            else if (schema.TryGetProperty("additionalProperties", out var additional))
            {
                if (additional.ValueKind == JsonValueKind.False)
                {
                    problems.Add($"{path}: '{property.Name}' is not described");
                }
                else if (additional.ValueKind == JsonValueKind.Object)
                {
                    Check(root, additional, property.Value, $"{path}.{property.Name}", problems);
                }
            }
        }
    }

    private static bool TypeFits(JsonElement type, JsonElement value) =>
        type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Any(t => Fits(t.GetString()!, value)) : Fits(type.GetString()!, value);

    private static bool Fits(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        _ => throw new InvalidOperationException($"unknown type '{type}' in a schema"),
    };
}
