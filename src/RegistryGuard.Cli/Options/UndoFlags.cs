using System.CommandLine;
using RegistryGuard.Reporting;

namespace RegistryGuard.Cli.Options;

/// <summary>The flags of <c>undo</c>.</summary>
internal sealed class UndoFlags
{
    public Option<string> Journal { get; } = new("--journal") { Description = "The journal a scan --fix (or prune) printed.", Required = true };

    public Option<ReportFormat> Output { get; } = OutputFlag.Create();

    public void AddTo(Command command)
    {
        command.Add(Journal);
        command.Add(Output);
    }

    /// <summary>The journal to undo, which must exist.</summary>
    public string Map(ParseResult parse)
    {
        var path = parse.GetValue(Journal)!;
        return File.Exists(path) ? path : throw new UsageException($"journal '{path}' does not exist");
    }
}
