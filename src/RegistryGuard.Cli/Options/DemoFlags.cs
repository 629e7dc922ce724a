using System.CommandLine;
using RegistryGuard.Reporting;

namespace RegistryGuard.Cli.Options;

/// <summary>The flags of <c>demo</c>.</summary>
internal sealed class DemoFlags
{
    public Option<bool> Keep { get; } = new("--keep") { Description = "Leave the registry running until Ctrl+C, to try other commands on it." };

    public Option<ReportFormat> Output { get; } = OutputFlag.Create();

    public void AddTo(Command command)
    {
        command.Add(Keep);
        command.Add(Output);
    }
}
