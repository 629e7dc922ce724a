using System.Net;
using Prometheus;

namespace RegistryGuard.Metrics;

/// <summary>
/// Pushes metrics to a Prometheus Pushgateway group (<c>/metrics/job/…</c>): the text prometheus-net exports from a
/// registry, sent with this client's own PUT or POST (prometheus-net's MetricPusher picks one method for good and
/// pushes from a background loop; a run needs one push whose method depends on how it ended). Any command (probe,
/// scan, prune, serve) pushes through this with its own grouping key. Failures end in a <see cref="PushgatewayException"/>
/// carrying the gateway's own explanation.
/// </summary>
public sealed class PushgatewayClient : IDisposable
{
    private const int MessageLimit = 2000;
    private readonly HttpClient _http;
    private readonly Uri _gateway;

    public PushgatewayClient(Uri gateway, TimeSpan? timeout = null, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        if (gateway.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(gateway.UserInfo))
        {
            throw new ArgumentException($"Pushgateway URL '{gateway.GetLeftPart(UriPartial.Scheme)}…' must be http(s) without credentials in it", nameof(gateway));
        }

        _gateway = gateway.AbsoluteUri.EndsWith('/') ? gateway : new Uri(gateway.AbsoluteUri + "/");
        _http = transport is null ? new HttpClient() : new HttpClient(transport, disposeHandler: false);
        _http.Timeout = timeout ?? TimeSpan.FromSeconds(30);
    }

    public Uri GroupUri(GroupingKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new Uri(_gateway, key.ToPath());
    }

    /// <summary>
    /// Pushes one run: a completed run replaces its group (PUT), a failed one only replaces the families it
    /// carries (POST), so the group keeps the last completed run's findings and success time.
    /// </summary>
    public Task PushAsync(GroupingKey key, RunMetrics run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return PushAsync(key, run.ToRegistry(), run.PushMode, cancellationToken);
    }

    /// <summary>Pushes what <paramref name="registry"/> exports now, in the text format, with PUT or POST.</summary>
    public async Task PushAsync(GroupingKey key, CollectorRegistry registry, PushMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var uri = GroupUri(key);
        using var exposition = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(exposition, cancellationToken).ConfigureAwait(false);
        using var content = new ByteArrayContent(exposition.GetBuffer(), 0, (int)exposition.Length);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(PrometheusConstants.TextContentTypeWithVersionAndEncoding);
        using var request = new HttpRequestMessage(mode == PushMode.Replace ? HttpMethod.Put : HttpMethod.Post, uri) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new PushgatewayException($"cannot reach the Pushgateway at {_gateway.GetLeftPart(UriPartial.Authority)}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PushgatewayException($"the Pushgateway at {_gateway.GetLeftPart(UriPartial.Authority)} did not answer within {_http.Timeout.TotalSeconds:0}s", ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var body = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
            if (body.Length > MessageLimit)
            {
                body = body[..MessageLimit] + "…";
            }

            throw new PushgatewayException(
                $"the Pushgateway refused the push to group {key}: {(int)response.StatusCode} {ReasonOf(response.StatusCode)}{(body.Length > 0 ? ": " + body : "")}");
        }
    }

    public void Dispose() => _http.Dispose();

    private static string ReasonOf(HttpStatusCode status) => status.ToString();
}
