using System.CommandLine;

namespace RegistryGuard.Cli.Options;

/// <summary>The flag of <c>undo</c>.</summary>
internal sealed class UndoFlags
{
    public Option<string> Journal { get; } = new("--journal") { Description = "The journal a scan --fix (or prune) printed.", Required = true };

    public void AddTo(Command command) => command.Add(Journal);

    /// <summary>The journal to undo, which must exist.</summary>
    public string Map(ParseResult parse)
    {
        var path = parse.GetValue(Journal)!;
        return File.Exists(path) ? path : throw new UsageException($"journal '{path}' does not exist");
    }
}
