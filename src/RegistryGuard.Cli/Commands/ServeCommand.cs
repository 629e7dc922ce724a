using System.CommandLine;
using RegistryGuard.Cli.Serve;
using RegistryGuard.Scheduling.Config;

namespace RegistryGuard.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "The serve YAML (registries, jobs, schedules); see docs/serve.md.", Required = true };
        var check = new Option<bool>("--check") { Description = "Validate the config and print the jobs' next run times, then exit." };
        var command = new Command("serve", "Run probe/gc (scan/prune soon) on cron schedules, one mutating job at a time; serve /metrics, /healthz, /status.")
        {
            config, check,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            ServeConfig loaded;
            try
            {
                loaded = ServeConfigLoader.Load(parse.GetValue(config)!.FullName);
            }
            catch (ServeConfigException ex)
            {
                throw new UsageException(ex.Message, ex);
            }

            if (parse.GetValue(check))
            {
                var now = TimeProvider.System.GetUtcNow();
                foreach (var job in loaded.Jobs)
                {
                    await Console.Out.WriteLineAsync($"{job.Name}\t{job.Type}\t{job.Registry}\t{job.Schedule}\tnext {job.Schedule.NextAfter(now):O}").ConfigureAwait(false);
                }

                return 0;
            }

            return await ServeHost.RunAsync(loaded, Console.Error).ConfigureAwait(false);
        }));
        return command;
    }
}
