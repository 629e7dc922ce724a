using System.CommandLine;
using RegistryGuard.Reporting;

namespace RegistryGuard.Cli.Options;

/// <summary><c>--output</c>/<c>-o</c>: every report as text or one JSON document.</summary>
internal static class OutputFlag
{
    public static Option<ReportFormat> Create() => new("--output", "-o") { Description = "text or json.", DefaultValueFactory = _ => ReportFormat.Text };
}
