using YamlDotNet.Core;

namespace RegistryGuard.Scheduling.Config;

/// <summary>Collects config problems as "FILE:LINE: key: message".</summary>
internal sealed class Errors(string source)
{
    private readonly List<string> _messages = [];

    public void Add(Mark mark, string key, string message) =>
        _messages.Add(mark.Line > 0 ? $"{source}:{mark.Line}: {key}: {message}" : $"{source}: {key}: {message}");

    public T? Add<T>(Mark mark, string key, string message)
        where T : class
    {
        Add(mark, key, message);
        return null;
    }

    public ServeConfigException Fatal(Mark mark, string key, string message, Exception? inner)
    {
        Add(mark, key, message);
        return Build(inner);
    }

    public void ThrowIfAny()
    {
        if (_messages.Count > 0)
        {
            throw Build(null);
        }
    }

    private ServeConfigException Build(Exception? inner)
    {
        var text = "invalid serve config:\n  " + string.Join("\n  ", _messages);
        return inner is null
            ? new ServeConfigException(text) { Errors = [.. _messages] }
            : new ServeConfigException(text, inner) { Errors = [.. _messages] };
    }
}
