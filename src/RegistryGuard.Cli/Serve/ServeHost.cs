using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;
using RegistryGuard.Cli.Options;
using RegistryGuard.Cli.Terminal;
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
    /// <param name="cancellationToken">The command line's signal token (the host's own lifetime also stops on SIGTERM).</param>
    public static async Task<int> RunAsync(ServeConfig config, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var jobs = ServeJobFactory.Create(config, TimeProvider.System);
        var scheduler = new JobScheduler(jobs, TimeProvider.System, e => Log(log, e));

        var builder = WebApplication.CreateSlimBuilder();
        // The host's own logs would print a bind failure as two stack traces; serve says it in one line (below) and
        // logs its jobs itself. With --log-level Debug the host's logs come back, for the details.
        builder.Logging.ClearProviders();
        if (CliLogging.IsEnabled(LogLevel.Debug))
        {
            builder.Logging.SetMinimumLevel(LogLevel.Debug).AddSimpleConsole(options => options.SingleLine = true);
        }

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
            await SchedulerMetrics.From([.. scheduler.Snapshot().Select(j => j.ForMetrics())]).CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
        app.MapGet("/status", () => Results.Text(JsonSerializer.Serialize(new ServeStatus(scheduler.Snapshot()), ServeStatusJson.Default.ServeStatus), "application/json"));

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            var why = ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException ? "the address is already in use (another serve, or another program)" : FirstLine(ex.Message);
            throw new UsageException($"serve cannot listen on {config.ListenHost}:{config.ListenPort}: {why}; stop what holds it or change 'listen' in the config", ex);
        }

        await log.WriteLineAsync($"serve: {jobs.Count} jobs, listening on http://{config.ListenHost}:{config.ListenPort} (/metrics /healthz /status)").ConfigureAwait(false);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(app.Lifetime.ApplicationStopping, cancellationToken);
        await scheduler.RunAsync(stopping.Token).ConfigureAwait(false);
        await log.WriteLineAsync("serve: stopped").ConfigureAwait(false);
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd('\r');

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
