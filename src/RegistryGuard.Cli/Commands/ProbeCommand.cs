using System.CommandLine;
using RegistryGuard.Metrics;
using RegistryGuard.Probing;
using RegistryGuard.Registry;
using RegistryGuard.Reporting;

namespace RegistryGuard.Cli.Commands;

internal static class ProbeCommand
{
    public static Command Create()
    {
        var registry = new Option<string>("--registry", "-r") { Description = "Registry base URL, e.g. https://registry.example:5050", Required = true };
        var shard = new Option<string?>("--shard") { Description = "Probe only shard I of N (I/N), split by a stable hash of the repository name." };
        var expectAuth = new Option<bool>("--expect-auth") { Description = "Report unauthenticated_access when /v2/ or the catalog answer without credentials." };
        var minRepositories = new Option<int?>("--min-repositories") { Description = "Report catalog_shrunk when the catalog lists fewer repositories than N." };
        var stateFile = new Option<FileInfo?>("--state-file")
        {
            Description = "Keeps the catalog size between runs: a catalog below half of the last count, or empty, is catalog_shrunk.",
        };
        var upstreamState = new Option<FileInfo?>("--upstream-state")
        {
            Description = "With --pull-through: keeps since when a cache's upstream has been unreachable, between runs.",
        };
        var connection = new ConnectionOptions();
        var settings = new ProbeSettings();
        var push = new PushOptions(ProbeMetrics.DefaultJob);
        var command = new Command("probe", "Walk the whole registry over HTTP: every tag, index child, config and layer.")
        {
            registry, shard, expectAuth, minRepositories, stateFile, upstreamState,
        };
        connection.AddTo(command);
        settings.AddTo(command);
        push.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var url = RegistryUrl.Parse(parse.GetValue(registry)!);
            var clientOptions = connection.Build(parse, url);
            var probeOptions = settings.Build(parse, clientOptions.Concurrency, url);
            if (parse.GetValue(shard) is { } shardText)
            {
                probeOptions = probeOptions with { Shard = ParseShard(shardText) };
            }

            if (parse.GetValue(minRepositories) is < 0)
            {
                throw new UsageException("--min-repositories must not be negative");
            }

            probeOptions = probeOptions with
            {
                ExpectAuth = parse.GetValue(expectAuth),
                MinRepositories = parse.GetValue(minRepositories),
                CatalogStateFile = parse.GetValue(stateFile)?.FullName,
                UpstreamStateFile = parse.GetValue(upstreamState)?.FullName,
            };

            var pushTarget = push.Build(parse, url, probeOptions.Shard);
            using var client = new RegistryClient(clientOptions);
            var prober = new Prober(client, probeOptions);
            ProbeReport report;
            await using (ProgressReporter.StartIfTerminal(prober.Counters))
            {
                report = await prober.ProbeRegistryAsync(ct).ConfigureAwait(false);
            }

            var exitCode = Emit(report, prober, parse.GetValue(settings.Output));
            return pushTarget is null ? exitCode : await pushTarget.PushAsync(ProbeMetrics.From(report), exitCode, ct).ConfigureAwait(false);
        }));
        return command;
    }

    internal static int Emit(ProbeReport report, Prober prober, ReportFormat format)
    {
        ProbeReportWriter.Write(report, format, Console.Out);
        foreach (var warning in prober.Warnings)
        {
            Console.Error.WriteLine("warning: " + warning);
        }

        if (report.FatalError is not null)
        {
            Console.Error.WriteLine("error: " + report.FatalError);
        }

        return report.ExitCode;
    }

    private static Shard ParseShard(string text)
    {
        try
        {
            return Shard.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }
}
