using RegistryGuard.Testing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>
/// Every YAML document of the deployment files as plain values (maps, lists, strings), anchors and merge
/// keys resolved, so tests compare and navigate them without a schema.
/// </summary>
internal static class YamlFiles
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static IReadOnlyList<string> UnderDeployAndK8s() =>
        new[] { "k8s", "deploy" }
            .SelectMany(dir => Directory.EnumerateFiles(RepositoryFiles.Path(dir), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<object?> LoadAll(string path)
    {
        using var reader = new StreamReader(path);
        var parser = new MergingParser(new Parser(reader));
        parser.Consume<StreamStart>();
        var documents = new List<object?>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(Deserializer.Deserialize<object?>(parser));
        }

        return documents;
    }

    public static object? LoadSingle(string path) => Assert.Single(LoadAll(path));

    public static IDictionary<object, object?> Map(object? value) =>
        Assert.IsAssignableFrom<IDictionary<object, object?>>(value);

    public static IList<object?> List(object? value) => Assert.IsAssignableFrom<IList<object?>>(value);

    /// <summary>Follows a path of map keys and list indexes; fails the test with the path when a step is missing.</summary>
    public static object? At(object? root, params object[] path)
    {
        var current = root;
        var walked = new List<string>();
        foreach (var step in path)
        {
            walked.Add(step.ToString()!);
            current = step switch
            {
                int index => List(current)[index],
                string key => Map(current).TryGetValue(key, out var value) ? value : throw new Xunit.Sdk.XunitException("missing " + string.Join('.', walked)),
                _ => throw new ArgumentException("path steps are keys or indexes", nameof(path)),
            };
        }

        return current;
    }

    public static string Text(object? root, params object[] path) => Assert.IsType<string>(At(root, path));

    public static int Int(object? root, params object[] path) => int.Parse(Text(root, path), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Structural equality of loaded YAML values.</summary>
    public static bool DeepEquals(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (string a, string b) => a == b,
        (IDictionary<object, object?> a, IDictionary<object, object?> b) =>
            a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && DeepEquals(pair.Value, other)),
        (IList<object?> a, IList<object?> b) => a.Count == b.Count && a.Zip(b).All(pair => DeepEquals(pair.First, pair.Second)),
        _ => false,
    };
}
