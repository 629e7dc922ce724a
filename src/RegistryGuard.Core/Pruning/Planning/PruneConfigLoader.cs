using System.Globalization;
using RegistryGuard.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RegistryGuard.Pruning.Planning;

/// <summary>
/// Reads the prune config with YamlDotNet's node model rather than a typed deserializer, so every error names
/// the line and key, and unknown keys (a typo such as <c>kep:</c>) are errors instead of silently ignored.
/// </summary>
public static class PruneConfigLoader
{
    private static readonly string[] PolicyKeys = ["keep", "protect", "keep-regex", "delete-regex", "semver", "order", "keep-untagged"];

    public static PruneConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PruneConfigException($"{path}: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    public static PruneConfig Parse(string yaml, string source = "config")
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new PruneConfigException($"{source}:{ex.Start.Line}: not valid YAML ({ex.Message})", ex);
        }

        if (stream.Documents.Count == 0)
        {
            return new PruneConfig();
        }

        var root = Mapping(stream.Documents[0].RootNode, source, "(document)");
        CheckKeys(root, source, ["defaults", "include", "exclude", "repositories"]);
        var config = new PruneConfig();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            config = key switch
            {
                "defaults" => config with { Defaults = Policy(Mapping(value, source, key), source, PolicyKeys) },
                "include" => config with { Include = Globs(value, source, key) },
                "exclude" => config with { Exclude = Globs(value, source, key) },
                _ => config with { Repositories = Rules(value, source) },
            };
        }

        return config;
    }

    private static List<(string, PolicyOverrides)> Rules(YamlNode node, string source)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw Error(source, node, "repositories", "must be a list of rules, each with 'match'");
        }

        var rules = new List<(string, PolicyOverrides)>();
        foreach (var item in sequence)
        {
            var mapping = Mapping(item, source, "repositories[]");
            if (!mapping.Children.TryGetValue(new YamlScalarNode("match"), out var match))
            {
                throw Error(source, item, "repositories[]", "a rule needs 'match' (a repository glob such as team/**)");
            }

            rules.Add((Glob(match, source, "match"), Policy(mapping, source, ["match", .. PolicyKeys])));
        }

        return rules;
    }

    private static PolicyOverrides Policy(YamlMappingNode mapping, string source, string[] allowed)
    {
        CheckKeys(mapping, source, allowed);
        var policy = new PolicyOverrides();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            policy = key switch
            {
                "keep" => policy with { Keep = Count(value, source, key) },
                "protect" => policy with { Protect = Strings(value, source, key) },
                "keep-regex" => policy with { KeepRegex = Regex(value, source, key) },
                "delete-regex" => policy with { DeleteRegex = Regex(value, source, key) },
                "semver" => policy with { Semver = Bool(value, source, key) },
                "order" => policy with { Order = Order(value, source, key) },
                "keep-untagged" => policy with { KeepUntagged = Bool(value, source, key) },
                _ => policy,
            };
        }

        return policy;
    }

    private static void CheckKeys(YamlMappingNode mapping, string source, string[] allowed)
    {
        foreach (var keyNode in mapping.Children.Keys)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } || !allowed.Contains(key, StringComparer.Ordinal))
            {
                throw Error(source, keyNode, keyNode.ToString(), $"unknown key; expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    private static YamlMappingNode Mapping(YamlNode node, string source, string key) =>
        node as YamlMappingNode ?? throw Error(source, node, key, "must be a mapping (key: value)");

    private static string Scalar(YamlNode node, string source, string key) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error(source, node, key, "must be a non-empty string");

    private static TagOrder Order(YamlNode node, string source, string key) =>
        TagOrderText.TryParse(Scalar(node, source, key), out var order)
            ? order
            : throw Error(source, node, key, $"must be one of: {TagOrderText.Allowed}");

    private static int Count(YamlNode node, string source, string key) =>
        int.TryParse(Scalar(node, source, key), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(source, node, key, "must be a whole number, 0 or more");

    private static bool Bool(YamlNode node, string source, string key) => Scalar(node, source, key) switch
    {
        "true" => true,
        "false" => false,
        _ => throw Error(source, node, key, "must be true or false"),
    };

    private static string Regex(YamlNode node, string source, string key)
    {
        var pattern = Scalar(node, source, key);
        try
        {
            PolicyOverrides.CompileRegex(pattern);
            return pattern;
        }
        catch (ArgumentException ex)
        {
            throw Error(source, node, key, $"is not a valid regular expression ({ex.Message})");
        }
    }

    private static List<string> Strings(YamlNode node, string source, string key) => node switch
    {
        YamlSequenceNode sequence => [.. sequence.Select(item => Scalar(item, source, key))],
        YamlScalarNode => [Scalar(node, source, key)],
        _ => throw Error(source, node, key, "must be a string or a list of strings"),
    };

    private static List<string> Globs(YamlNode node, string source, string key) =>
        node is YamlSequenceNode sequence ? [.. sequence.Select(item => Glob(item, source, key))] : [Glob(node, source, key)];

    private static string Glob(YamlNode node, string source, string key)
    {
        var pattern = Scalar(node, source, key);
        return GlobPattern.NameProblem(pattern) is { } problem
            ? throw Error(source, node, key, $"'{Storage.StorageNames.Printable(pattern)}' {problem}")
            : pattern;
    }

    private static PruneConfigException Error(string source, YamlNode node, string key, string message) =>
        new($"{source}:{node.Start.Line}: '{key}' {message}");

    /// <summary>Builds the rules: built-in defaults, then the config's defaults, then flags, then repository rules.</summary>
    public static PruneRules Rules(PruneConfig config, PolicyOverrides flags, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(flags);
        var defaults = flags.ApplyTo(config.Defaults.ApplyTo(PrunePolicy.Default));
        return new PruneRules(defaults)
        {
            Include = [.. config.Include.Concat(include).Select(g => new GlobPattern(g))],
            Exclude = [.. config.Exclude.Concat(exclude).Select(g => new GlobPattern(g))],
            Repositories = [.. config.Repositories.Select(r => new RepositoryRule(new GlobPattern(r.Match), r.Overrides.ApplyTo(defaults)))],
        };
    }
}
