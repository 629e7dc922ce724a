using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using RegistryGuard.Oci;
using RegistryGuard.Telemetry;

namespace RegistryGuard.Registry;

/// <summary>
/// The distribution API calls RegistryGuard makes. Every call is bounded in concurrency, retried on transient
/// failures with jittered backoff, and ends in a value or a typed exception: <see cref="RegistryNotFoundException"/>,
/// <see cref="RegistryAuthException"/>, <see cref="RegistryUnreachableException"/> or <see cref="RegistryException"/>.
/// </summary>
public sealed class RegistryClient : IDisposable
{
    private const int ErrorBodyLimit = 16 * 1024;

    // One pre-joined header value instead of four parsed header objects per manifest request.
    private static readonly string ManifestAcceptHeader = string.Join(", ", MediaTypes.ManifestAccept);
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _limiter;
    private readonly ResiliencePipeline _pipeline;
    private readonly RegistryClientOptions _options;
    private long _requests;

    public RegistryClient(RegistryClientOptions options, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var baseAddress = options.BaseAddress.AbsoluteUri.EndsWith('/') ? options.BaseAddress : new Uri(options.BaseAddress.AbsoluteUri + "/");
        BaseAddress = baseAddress;
        _http = new HttpClient(RegistryHttpHandlerFactory.Create(options, transport), disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        _limiter = new SemaphoreSlim(Math.Max(1, options.Concurrency));
        _pipeline = BuildPipeline(options);
    }

    public Uri BaseAddress { get; }

    /// <summary>HTTP requests sent so far, retries included.</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    public int MaxAttempts => _options.MaxRetries + 1;

    /// <summary>GET /v2/: reachable, speaks the API, and accepts our credentials.</summary>
    public Task PingAsync(CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "v2/"), static (_, _) => ValueTask.FromResult(true), cancellationToken);

    /// <summary>Sends an unauthenticated GET and returns its status: for checking that auth is enforced.</summary>
    public Task<HttpStatusCode> GetStatusWithoutCredentialsAsync(string relativeUri, CancellationToken cancellationToken) =>
        SendRawAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, relativeUri);
            request.Options.Set(Auth.AuthHandler.NoAuth, true);
            return request;
        }, cancellationToken);

    public IAsyncEnumerable<string> ListRepositoriesAsync(int pageSize, CancellationToken cancellationToken) =>
        ListPagedAsync($"v2/_catalog?n={pageSize}", "repositories", cancellationToken);

    /// <summary>Tags of a repository. A repository the catalog lists but that has no tags yields nothing.</summary>
    public IAsyncEnumerable<string> ListTagsAsync(string repository, int pageSize, CancellationToken cancellationToken) =>
        ListPagedAsync($"v2/{CheckedName(repository)}/tags/list?n={pageSize}", "tags", cancellationToken, notFoundIsEmpty: true);

    public Task<ManifestResponse> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken) =>
        SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, ManifestPath(repository, reference));
                request.Headers.TryAddWithoutValidation("Accept", ManifestAcceptHeader);

                return request;
            },
            ReadManifestAsync,
            cancellationToken);

    /// <summary>HEAD of a manifest: the digest a tag points at now, as the registry says.</summary>
    public Task<Digest?> ResolveAsync(string repository, string reference, CancellationToken cancellationToken) =>
        SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Head, ManifestPath(repository, reference));
                request.Headers.TryAddWithoutValidation("Accept", ManifestAcceptHeader);

                return request;
            },
            static (response, _) => ValueTask.FromResult(HeaderDigest(response)),
            cancellationToken);

    public Task<BlobHead> HeadBlobAsync(string repository, Digest digest, CancellationToken cancellationToken) =>
        SendAsync(
            () => new HttpRequestMessage(HttpMethod.Head, BlobPath(repository, digest)),
            static (response, _) => ValueTask.FromResult(new BlobHead(response.Content.Headers.ContentLength, HeaderDigest(response))),
            cancellationToken);

    /// <summary>Reads the whole blob and hashes it. Memory stays constant whatever the blob's size.</summary>
    public Task<BlobHash> HashBlobAsync(string repository, Digest digest, CancellationToken cancellationToken) =>
        SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, BlobPath(repository, digest)),
            static async (response, ct) =>
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
                    try
                    {
                        long total = 0;
                        int read;
                        while ((read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                        {
                            hash.AppendData(buffer, 0, read);
                            total += read;
                        }

                        return new BlobHash(Digest.FromSha256Hash(hash.GetHashAndReset()), total);
                    }
                    finally
                    {
                        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    }
                }
            },
            cancellationToken);

    /// <summary>
    /// One GET of a blob, never retried, whatever it answers: the status and at most 16 KiB of an error body. For a
    /// question whose answer is in the error itself (a pull-through cache relays its upstream's failures as 500,
    /// which <see cref="SendAsync{T}"/> would retry and then summarise). A success's body is not read. No answer within
    /// the request timeout throws <see cref="RegistryUnreachableException"/> with a <see cref="TimeoutException"/>
    /// inside; a failed connection throws it with the transport error inside.
    /// </summary>
    public async Task<RawResponse> GetBlobOnceAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        var path = BlobPath(repository, digest);
        using var deadline = new CancellationTokenSource(_options.RequestTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            using var response = await SendOnceAsync(request, linked.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return new RawResponse(response.StatusCode, ReadOnlyMemory<byte>.Empty);
            }

            byte[] body;
            try
            {
                body = await ReadBoundedAsync(response, ErrorBodyLimit, linked.Token).ConfigureAwait(false);
            }
            catch (RegistryException)
            {
                body = []; // an error body above the limit says nothing this question needs
            }

            return new RawResponse(response.StatusCode, body);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryUnreachableException($"GET /{path}: no answer within {_options.RequestTimeout.TotalSeconds:0.#}s", null,
                new TimeoutException("no answer within the request timeout", ex));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new RegistryUnreachableException($"GET /{path}: {(ex is HttpRequestException h ? Describe(h) : ex.Message)}", null, ex);
        }
    }

    /// <summary>GET of a small blob such as an image config; refused above <paramref name="maxBytes"/>.</summary>
    public Task<byte[]> GetBlobAsync(string repository, Digest digest, long maxBytes, CancellationToken cancellationToken) =>
        SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, BlobPath(repository, digest)),
            (response, ct) => new ValueTask<byte[]>(ReadBoundedAsync(response, maxBytes, ct)),
            cancellationToken);

    /// <summary>
    /// OCI 1.1 referrers of <paramref name="subject"/>: the descriptors of every page (the Link header is followed).
    /// A registry without the referrers API answers 404 (<see cref="RegistryNotFoundException"/>).
    /// </summary>
    public async Task<IReadOnlyList<Descriptor>> GetReferrersAsync(string repository, Digest subject, CancellationToken cancellationToken)
    {
        const int MaxPages = 100;
        var result = new List<Descriptor>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Uri? page = new(BaseAddress, $"v2/{CheckedName(repository)}/referrers/{subject}");
        while (page is not null)
        {
            if (!visited.Add(page.AbsoluteUri) || visited.Count > MaxPages)
            {
                throw new RegistryException($"the referrers of {subject.Abbreviated} run past {MaxPages} pages or loop back to a page already read");
            }

            var current = page;
            (IReadOnlyList<Descriptor> Items, Uri? Next) part = await SendAsync(
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, current);
                    request.Headers.TryAddWithoutValidation("Accept", MediaTypes.OciIndex);
                    return request;
                },
                async (response, ct) =>
                {
                    var body = await ReadBoundedAsync(response, _options.MaxManifestBytes, ct).ConfigureAwait(false);
                    return (ParseReferrers(body, current), LinkHeader.NextPage(LinkValues(response), current));
                },
                cancellationToken).ConfigureAwait(false);
            result.AddRange(part.Items);
            page = part.Next;
        }

        return result;
    }

    /// <summary>Monolithic upload (POST then PUT ?digest=); skipped when the repository already has the blob.</summary>
    public async Task PushBlobAsync(string repository, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var digest = Digest.Sha256Of(content.Span);
        try
        {
            await HeadBlobAsync(repository, digest, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (RegistryNotFoundException)
        {
            // Not there yet: upload it.
        }

        var location = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, $"v2/{CheckedName(repository)}/blobs/uploads/"),
            static (response, _) => ValueTask.FromResult(response.Headers.Location ?? throw new RegistryException("upload started without a Location")),
            cancellationToken).ConfigureAwait(false);

        var target = location.IsAbsoluteUri ? location : new Uri(BaseAddress, location);
        var separator = target.Query.Length > 0 ? "&" : "?";
        var put = new Uri(target.AbsoluteUri + separator + "digest=" + Uri.EscapeDataString(digest.ToString()));
        await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Put, put) { Content = OctetStream(content) },
            static (_, _) => ValueTask.FromResult(true),
            cancellationToken).ConfigureAwait(false);
    }

    public Task<Digest> PushManifestAsync(string repository, string reference, ReadOnlyMemory<byte> body, string mediaType, CancellationToken cancellationToken) =>
        SendAsync(
            () =>
            {
                var content = OctetStream(body);
                content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                return new HttpRequestMessage(HttpMethod.Put, ManifestPath(repository, reference)) { Content = content };
            },
            (response, _) => ValueTask.FromResult(HeaderDigest(response) ?? Digest.Sha256Of(body.Span)),
            cancellationToken);

    /// <summary>DELETE by digest. 2.8 removes the revision link and every tag pointing at the digest.</summary>
    public Task DeleteManifestAsync(string repository, Digest digest, CancellationToken cancellationToken) =>
        SendAsync(
            () => new HttpRequestMessage(HttpMethod.Delete, ManifestPath(repository, digest.ToString())),
            static (_, _) => ValueTask.FromResult(true),
            cancellationToken);

    public void Dispose()
    {
        _http.Dispose();
        _limiter.Dispose();
    }

    private static string CheckedName(string repository) =>
        RepositoryName.IsValid(repository) ? repository : throw new ArgumentException($"'{repository}' is not a valid repository name", nameof(repository));

    private static string ManifestPath(string repository, string reference)
    {
        if (!RepositoryName.IsValidTag(reference) && !Digest.TryParse(reference, out _))
        {
            throw new ArgumentException($"'{reference}' is neither a tag nor a digest", nameof(reference));
        }

        return $"v2/{CheckedName(repository)}/manifests/{reference}";
    }

    private static string BlobPath(string repository, Digest digest) => $"v2/{CheckedName(repository)}/blobs/{digest}";

    private static ReadOnlyMemoryContent OctetStream(ReadOnlyMemory<byte> body)
    {
        var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    private static Digest? HeaderDigest(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Docker-Content-Digest", out var values) && Digest.TryParse(values.FirstOrDefault(), out var digest)
            ? digest
            : null;

    private async ValueTask<ManifestResponse> ReadManifestAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var limit = _options.MaxManifestBytes;
        var body = await ReadBoundedAsync(response, limit, cancellationToken, announced => new ManifestTooLargeException(announced is { } length
            ? $"manifest is {length} bytes, above the {limit}-byte limit"
            : $"manifest is larger than the {limit}-byte limit")).ConfigureAwait(false);
        return new ManifestResponse(body, response.Content.Headers.ContentType?.MediaType, HeaderDigest(response), Digest.Sha256Of(body));
    }

    private async IAsyncEnumerable<string> ListPagedAsync(
        string firstPage, string property, [EnumeratorCancellation] CancellationToken cancellationToken, bool notFoundIsEmpty = false)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Uri? page = new(BaseAddress, firstPage);
        while (page is not null)
        {
            if (!visited.Add(page.AbsoluteUri))
            {
                throw new RegistryException($"the Link header of {page.AbsolutePath} loops back to a page already read");
            }

            var current = page;
            (List<string> Items, Uri? Next) result;
            try
            {
                result = await SendAsync(
                    () => new HttpRequestMessage(HttpMethod.Get, current),
                    async (response, ct) =>
                    {
                        var bytes = await ReadBoundedAsync(response, 64L * 1024 * 1024, ct).ConfigureAwait(false);
                        return (ParseNameList(bytes, property, current), LinkHeader.NextPage(LinkValues(response), current));
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (RegistryNotFoundException) when (notFoundIsEmpty)
            {
                yield break;
            }

            // A Link chain that keeps inventing new URLs for names already read would never end.
            var fresh = result.Items.Where(seen.Add).ToList();
            if (result.Items.Count > 0 && fresh.Count == 0)
            {
                throw new RegistryException($"the Link header of {current.AbsolutePath} leads to a page listing only names already read");
            }

            foreach (var item in fresh)
            {
                yield return item;
            }

            page = result.Items.Count == 0 ? null : result.Next;
        }
    }

    private static IEnumerable<string> LinkValues(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values) ? values : [];

    private static List<string> ParseNameList(byte[] body, string property, Uri page)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty(property, out var array)
                || array.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                throw new RegistryException($"{page.AbsolutePath}: '{property}' is not an array");
            }

            return [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
        }
        catch (JsonException ex)
        {
            throw new RegistryException($"{page.AbsolutePath} answered with malformed JSON ({ex.Message})", ex);
        }
    }

    private static IReadOnlyList<Descriptor> ParseReferrers(byte[] body, Uri page)
    {
        try
        {
            var index = ManifestParser.Parse(body, MediaTypes.OciIndex);
            return index.Kind == ManifestKind.Index ? index.Manifests : throw new RegistryException($"{page.AbsolutePath} did not answer with an image index");
        }
        catch (ManifestFormatException ex)
        {
            throw new RegistryException($"{page.AbsolutePath} answered with a malformed referrers index ({ex.Message})", ex);
        }
    }

    /// <param name="tooLarge">Builds the error from the announced length, or from null when the body ran past the limit.</param>
    private static async Task<byte[]> ReadBoundedAsync(
        HttpResponseMessage response, long limit, CancellationToken cancellationToken, Func<long?, RegistryException>? tooLarge = null)
    {
        tooLarge ??= announced => new RegistryException(announced is { } length
            ? $"response of {length} bytes is above the {limit}-byte limit"
            : $"response is larger than the {limit}-byte limit");
        if (response.Content.Headers.ContentLength > limit)
        {
            throw tooLarge(response.Content.Headers.ContentLength);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // A pooled chunk and a buffer sized from Content-Length: a fresh 16 KiB array per response was most of
            // the probe's allocation volume (measured with bench/ probe-memory).
            using var buffer = new MemoryStream((int)Math.Min(Math.Min(response.Content.Headers.ContentLength ?? 0, limit), 16 * 1024 * 1024));
            var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > limit)
                    {
                        throw tooLarge(null);
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
            }

            return buffer.ToArray();
        }
    }

    private async Task<HttpStatusCode> SendRawAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(
                async ct =>
                {
                    using var request = build();
                    using var response = await SendOnceAsync(request, ct).ConfigureAwait(false);
                    return RetryClassifier.IsTransient(response.StatusCode)
                        ? throw new TransientHttpException(response.StatusCode, null)
                        : response.StatusCode;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (AsUnreachable(ex, "GET", cancellationToken) is { } unreachable)
        {
            throw unreachable;
        }
    }

    private async Task<T> SendAsync<T>(
        Func<HttpRequestMessage> build, Func<HttpResponseMessage, CancellationToken, ValueTask<T>> onSuccess, CancellationToken cancellationToken)
    {
        // Described only when something goes wrong: formatting it for every request showed up in allocation counts.
        HttpMethod? method = null;
        Uri? uri = null;
        string What() => method is null ? "request" : $"{method} {PathOf(uri)}";
        try
        {
            return await _pipeline.ExecuteAsync(
                async ct =>
                {
                    using var request = build();
                    (method, uri) = (request.Method, request.RequestUri);
                    using var response = await SendOnceAsync(request, ct).ConfigureAwait(false);
                    if (RetryClassifier.IsTransient(response.StatusCode))
                    {
                        throw new TransientHttpException(response.StatusCode, RetryClassifier.RetryAfter(response.Headers.RetryAfter, _options.TimeProvider.GetUtcNow()));
                    }

                    if (response.IsSuccessStatusCode)
                    {
                        return await onSuccess(response, ct).ConfigureAwait(false);
                    }

                    throw await ToExceptionAsync(response, What(), ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (AsUnreachable(ex, What(), cancellationToken) is { } unreachable)
        {
            RegistryLog.GaveUp(_options.Logger, unreachable.Message);
            throw unreachable;
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var activity = RegistryGuardTelemetry.ActivitySource.StartActivity($"HTTP {request.Method}", ActivityKind.Client);
        try
        {
            Interlocked.Increment(ref _requests);
            activity?.SetTag("http.request.method", request.Method.Method);
            activity?.SetTag("url.full", SafeUrl(request.RequestUri));
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            if (_options.Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
            {
                var path = PathOf(request.RequestUri);
                RegistryLog.Response(_options.Logger, request.Method.Method, path, (int)response.StatusCode);
            }
            return response;
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            _limiter.Release();
        }
    }

    /// <summary>Scheme, host and path only: query strings can carry upload state or tokens.</summary>
    private string SafeUrl(Uri? uri)
    {
        var absolute = uri is null ? BaseAddress : uri.IsAbsoluteUri ? uri : new Uri(BaseAddress, uri);
        return absolute.GetLeftPart(UriPartial.Path);
    }

    private static string PathOf(Uri? uri) => uri is null ? "" : uri.IsAbsoluteUri ? uri.AbsolutePath : "/" + uri.OriginalString.Split('?')[0].TrimStart('/');

    private RegistryUnreachableException? AsUnreachable(Exception ex, string what, CancellationToken cancellationToken) => ex switch
    {
        TransientHttpException t => new RegistryUnreachableException($"{what}: {(int)t.StatusCode} {t.StatusCode} after {MaxAttempts} attempts", t.StatusCode),
        TimeoutRejectedException => new RegistryUnreachableException($"{what}: no answer within {_options.RequestTimeout.TotalSeconds:0.#}s after {MaxAttempts} attempts", null, ex),
        OperationCanceledException when !cancellationToken.IsCancellationRequested =>
            new RegistryUnreachableException($"{what}: timed out", null, ex),
        HttpRequestException h => new RegistryUnreachableException($"{what}: {Describe(h)}", null, h),
        IOException io => new RegistryUnreachableException($"{what}: connection broke while reading ({io.Message}) after {MaxAttempts} attempts", null, io),
        _ => null,
    };

    private static string Describe(HttpRequestException ex) => ex.HttpRequestError switch
    {
        HttpRequestError.SecureConnectionError =>
            "TLS handshake failed: the registry's certificate is not trusted or does not match, or it speaks plain HTTP (use --ca-file for a private CA, or an http:// URL for a plain-HTTP registry)",
        HttpRequestError.NameResolutionError => "the registry host name does not resolve",
        HttpRequestError.ConnectionError => $"cannot connect ({ex.InnerException?.Message ?? ex.Message})",
        _ => ex.InnerException?.Message ?? ex.Message,
    };

    private static async Task<RegistryException> ToExceptionAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var (code, message) = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
        var detail = code is null ? $"{(int)response.StatusCode} {response.StatusCode}" : $"{(int)response.StatusCode} {code}{(message is null ? "" : ": " + message)}";
        if (ChallengeError(response) is { } challengeError)
        {
            detail += $" ({challengeError})"; // insufficient_scope vs invalid_token: what the token lacked
        }

        return response.StatusCode switch
        {
            HttpStatusCode.NotFound => new RegistryNotFoundException($"{what}: {detail}", code),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new RegistryAuthException($"{what}: {detail}", response.StatusCode, code),
            _ => new RegistryException($"{what}: {detail}", response.StatusCode, code),
        };
    }

    private static string? ChallengeError(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized
            ? response.Headers.WwwAuthenticate.Select(h => Auth.AuthChallenge.Parse(h.ToString())?.Error).FirstOrDefault(e => e is { Length: > 0 and <= 64 })
            : null;

    private static async Task<(string? Code, string? Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await ReadBoundedAsync(response, ErrorBodyLimit, cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                && errors.GetArrayLength() > 0 && errors[0].ValueKind == JsonValueKind.Object)
            {
                var first = errors[0];
                string? Get(string name) => first.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                return (Get("code"), Get("message"));
            }
        }
        catch (Exception ex) when (ex is JsonException or RegistryException or IOException or HttpRequestException)
        {
            // An error without a readable body still has its status.
        }

        return (null, null);
    }

    private static ResiliencePipeline BuildPipeline(RegistryClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = new PredicateBuilder()
                    .Handle<TransientHttpException>(t => t.RetryAfter is null || t.RetryAfter <= options.MaxRetryAfter)
                    .Handle<TimeoutRejectedException>()
                    .Handle<IOException>()
                    .Handle<HttpRequestException>(h => h.HttpRequestError is not (HttpRequestError.SecureConnectionError or HttpRequestError.NameResolutionError)),
                DelayGenerator = static args => ValueTask.FromResult(
                    args.Outcome.Exception is TransientHttpException { RetryAfter: { } wait } ? (TimeSpan?)wait : null),
                OnRetry = args =>
                {
                    RegistryLog.Retrying(options.Logger, args.Outcome.Exception?.Message ?? "failure", args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(options.RequestTimeout).Build();
    }
}
