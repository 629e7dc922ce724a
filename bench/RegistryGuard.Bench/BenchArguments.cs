using System.Globalization;

namespace RegistryGuard.Bench;

/// <summary><c>verb --name value ...</c>; the generator is driven by bench/run.sh, so the grammar stays minimal.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private BenchArguments(string verb) => Verb = verb;

    public string Verb { get; }

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw new ArgumentException("usage: registryguard-bench storage|load|walk --name value ...");
        }

        var parsed = new BenchArguments(args[0]);
        for (var i = 1; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"expected '--name value' at '{args[i]}'");
            }

            parsed._values[args[i][2..]] = args[i + 1];
        }

        return parsed;
    }

    public string Text(string name) => _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public int Number(string name, int fallback)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"--{name} must be a positive integer");
    }

    public BenchShape Shape()
    {
        var repositories = Number("repositories", 8);
        return new BenchShape(repositories, Number("tags", 2), Math.Min(repositories, Number("groups", repositories)));
    }
}
