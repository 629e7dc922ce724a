using System.CommandLine;
using RegistryGuard.Cli.Options;
using RegistryGuard.Cli.Serve;
using RegistryGuard.Cli.Terminal;
using RegistryGuard.Common;

namespace RegistryGuard.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var flags = new ServeFlags();
        var command = new Command("serve", "Run probe, scan, prune and plain gc on cron schedules, one registry-changing job at a time; serve /metrics, /healthz, /status.");
        flags.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var config = flags.Map(parse);
            if (!parse.GetValue(flags.Check))
            {
                return await ServeHost.RunAsync(config, Console.Error, ct).ConfigureAwait(false);
            }

            var now = TimeProvider.System.GetUtcNow();
            foreach (var job in config.Jobs)
            {
                await Console.Out.WriteLineAsync($"{job.Name}\t{job.Type}\t{job.Registry}\t{job.Schedule}\tnext {job.Schedule.NextAfter(now):O}").ConfigureAwait(false);
            }

            return ExitCodes.Clean;
        }));
        return command;
    }
}
