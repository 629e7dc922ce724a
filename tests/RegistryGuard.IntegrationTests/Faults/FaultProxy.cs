using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace RegistryGuard.IntegrationTests.Faults;

/// <summary>
/// Sits between RegistryGuard and the real registry, forwarding every request, and injects the first matching
/// rule's fault instead where its rate fires. Rules match "METHOD /path?query".
/// </summary>
internal sealed class FaultProxy : IAsyncDisposable
{
    private readonly HttpClient _upstream;
    private readonly IReadOnlyList<FaultRule> _rules;
    private KestrelHost? _host;
    private long _requests;
    private long _writes;
    private readonly ConcurrentQueue<string> _targets = new();

    private FaultProxy(Uri upstream, IReadOnlyList<FaultRule> rules)
    {
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = upstream };
        _rules = rules;
    }

    public Uri Url => _host!.Url;

    public string HostPort => Url.Authority;

    public long Requests => Interlocked.Read(ref _requests);

    public int Injected => _rules.Sum(r => r.Fired);

    /// <summary>Every request target exactly as it arrived (before Kestrel decodes or normalises the path).</summary>
    public IReadOnlyCollection<string> RawTargets => _targets;

    /// <summary>Requests that could change the registry (anything but GET/HEAD): a probe must send none.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    public static async Task<FaultProxy> StartAsync(Uri upstream, params FaultRule[] rules) => await StartAsync(upstream, null, rules);

    public static async Task<FaultProxy> StartAsync(Uri upstream, X509Certificate2? certificate, params FaultRule[] rules)
    {
        var proxy = new FaultProxy(upstream, rules);
        proxy._host = await KestrelHost.StartAsync(proxy.HandleAsync, certificate: certificate);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _upstream.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        _targets.Enqueue(context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "");
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            Interlocked.Increment(ref _writes);
        }

        var exchange = new ProxyExchange(context, _upstream);
        var request = $"{context.Request.Method} {exchange.PathAndQuery}";
        var rule = _rules.FirstOrDefault(r => r.TryFire(request));
        try
        {
            await (rule is null ? exchange.ForwardAsync() : rule.Fault(exchange));
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client gave up (timeout, size limit): exactly what some faults provoke.
        }
    }
}
