using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;
using RegistryGuard.Metrics;
using RegistryGuard.Scheduling;
using RegistryGuard.Scheduling.Config;

namespace RegistryGuard.Cli.Serve;

/// <summary>
/// serve: the scheduler plus a small Kestrel endpoint (/metrics, /healthz, /status). SIGTERM or Ctrl+C stops the
/// scheduling, waits for the runs in progress (read-only ones are cancelled, mutating ones finish), and exits 0.
/// </summary>
internal static class ServeHost
{
    public static async Task<int> RunAsync(ServeConfig config, TextWriter log)
    {
        var jobs = ServeJobFactory.Create(config, TimeProvider.System);
        using var scheduler = new JobScheduler(jobs, TimeProvider.System, e => Log(log, e));

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel =>
        {
            if (IPAddress.TryParse(config.ListenHost, out var address))
            {
                kestrel.Listen(address, config.ListenPort);
            }
            else
            {
                kestrel.ListenLocalhost(config.ListenPort);
            }
        });
        await using var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/metrics", async context =>
        {
            context.Response.ContentType = PrometheusConstants.TextContentTypeWithVersionAndEncoding;
            await SchedulerMetrics.From(scheduler.Snapshot()).CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
        app.MapGet("/status", () => Results.Text(JsonSerializer.Serialize(new ServeStatus(scheduler.Snapshot()), ServeStatusJson.Default.ServeStatus), "application/json"));

        await app.StartAsync().ConfigureAwait(false);
        await log.WriteLineAsync($"serve: {jobs.Count} jobs, listening on http://{config.ListenHost}:{config.ListenPort} (/metrics /healthz /status)").ConfigureAwait(false);
        await scheduler.RunAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false);
        await log.WriteLineAsync("serve: stopped").ConfigureAwait(false);
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    private static void Log(TextWriter log, SchedulerEvent e)
    {
        var line = e.Kind switch
        {
            SchedulerEventKind.Started => $"serve: {e.Job} started (scheduled {e.ScheduledAt:O})",
            SchedulerEventKind.Skipped => $"serve: {e.Job} skipped at {e.ScheduledAt:O}: the previous run is still going",
            _ => $"serve: {e.Job} finished: exit {e.Run?.ExitCode} ({e.Run?.Result}) {e.Run?.Summary}",
        };
        lock (log)
        {
            log.WriteLine(line);
            log.Flush();
        }
    }
}
