using System.CommandLine;
using RegistryGuard.Reporting;
using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Options;

/// <summary>The flags of <c>restore</c>.</summary>
internal sealed class RestoreFlags
{
    private readonly ConnectionFlags _connection = new();

    public Option<DirectoryInfo> Backup { get; } = new("--backup") { Description = "The restore bundle a 'prune --apply --registry' wrote.", Required = true };

    public Option<string> Registry { get; } = new("--registry", "-r") { Description = "Registry base URL.", Required = true };

    public Option<ReportFormat> Output { get; } = OutputFlag.Create();

    public void AddTo(Command command)
    {
        command.Add(Backup);
        command.Add(Registry);
        command.Add(Output);
        _connection.AddTo(command);
    }

    public RegistryConnection Connection(ParseResult parse)
    {
        var text = parse.GetValue(Registry)!;
        return _connection.Map(parse, RegistryUrl.Parse(text), !RegistryUrl.SchemeGiven(text));
    }
}
