using System.CommandLine;
using RegistryGuard.Scheduling.Config;

namespace RegistryGuard.Cli.Options;

/// <summary>The flags of <c>serve</c>.</summary>
internal sealed class ServeFlags
{
    public Option<FileInfo> Config { get; } = new("--config") { Description = "The serve YAML (registries, jobs, schedules); see docs/serve.md.", Required = true };

    public Option<bool> Check { get; } = new("--check") { Description = "Validate the config and print the jobs' next run times, then exit." };

    public void AddTo(Command command)
    {
        command.Add(Config);
        command.Add(Check);
    }

    /// <summary>The validated config; every problem in it is a usage error.</summary>
    public ServeConfig Map(ParseResult parse)
    {
        try
        {
            return ServeConfigLoader.Load(parse.GetValue(Config)!.FullName);
        }
        catch (ServeConfigException ex)
        {
            // Every problem on a line of its own (FILE:LINE: key: what is wrong): an operator fixes them all in one edit.
            throw new UsageException(ex.Errors.Count > 0 ? string.Join("\nerror: ", ex.Errors.Select(e => "invalid serve config: " + e)) : ex.Message, ex);
        }
    }
}
