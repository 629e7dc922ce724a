using System.Diagnostics.CodeAnalysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RegistryGuard.Scheduling.Config;

/// <summary>A YAML mapping read with its source positions: unknown keys and wrong shapes become errors naming the line.</summary>
internal sealed class Map
{
    private readonly YamlMappingNode _node;
    private readonly string _path;
    private readonly Errors _errors;

    public Map(YamlMappingNode node, string path, Errors errors, IReadOnlyCollection<string> allowed)
    {
        _node = node;
        _path = path;
        _errors = errors;
        foreach (var key in node.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !allowed.Contains(name))
            {
                errors.Add(key.Start, Key(key.ToString()), $"unknown key (expected one of: {string.Join(", ", allowed)})");
            }
        }
    }

    public Mark Start => _node.Start;

    public static bool TryCreate(YamlNode node, string path, Errors errors, IReadOnlyCollection<string> allowed, [NotNullWhen(true)] out Map? map)
    {
        if (node is YamlMappingNode mapping)
        {
            map = new Map(mapping, path, errors, allowed);
            return true;
        }

        errors.Add(node.Start, path, "expected a mapping (key: value lines)");
        map = null;
        return false;
    }

    public bool Has(string key) => Node(key) is not null;

    public YamlNode? Node(string key) =>
        _node.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: var name } && name == key).Value;

    public Mark MarkOf(string key) =>
        _node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var name } && name == key)?.Start ?? _node.Start;

    public string? String(string key, bool required = false)
    {
        switch (Node(key))
        {
            case null:
                if (required)
                {
                    _errors.Add(_node.Start, Key(key), "is required");
                }

                return null;
            case YamlScalarNode { Value: { Length: > 0 } value }:
                return value;
            case var other:
                _errors.Add(other.Start, Key(key), "expected a non-empty value");
                return null;
        }
    }

    public IEnumerable<string> Strings(string key)
    {
        switch (Node(key))
        {
            case null:
                return [];
            case YamlScalarNode { Value: { Length: > 0 } single }:
                return [single];
            case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }):
                return [.. sequence.Children.Cast<YamlScalarNode>().Select(c => c.Value!)];
            case var other:
                _errors.Add(other.Start, Key(key), "expected a value or a list of values");
                return [];
        }
    }

    public IEnumerable<(YamlNode Node, int Index)> Sequence(string key, bool required)
    {
        switch (Node(key))
        {
            case null:
                if (required)
                {
                    _errors.Add(_node.Start, Key(key), "is required");
                }

                return [];
            case YamlSequenceNode sequence:
                return sequence.Children.Select((node, index) => (node, index));
            case var other:
                _errors.Add(other.Start, Key(key), "expected a list (lines starting with '- ')");
                return [];
        }
    }

    /// <summary>A file the key names, made absolute; an error if it does not exist.</summary>
    public string? ExistingFile(string key, string baseDirectory)
    {
        if (String(key) is not { } value)
        {
            return null;
        }

        var full = Path.GetFullPath(value, baseDirectory);
        if (!File.Exists(full))
        {
            _errors.Add(MarkOf(key), Key(key), $"file {full} does not exist");
        }

        return full;
    }

    private string Key(string key) => _path.Length == 0 ? key : $"{_path}.{key}";
}
