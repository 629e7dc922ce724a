using System.Globalization;
using RegistryGuard.Common;
using RegistryGuard.Findings;
using RegistryGuard.Oci;
using RegistryGuard.Registry;

namespace RegistryGuard.Probing.PullThrough;

/// <summary>
/// The only request a probe sends into a pull-through cache's content: per <c>--pull-through</c> pattern, one GET
/// of a blob that exists nowhere, in the first cached repository the catalog lists. The cache holds no such blob,
/// so it asks its upstream, and its answer says whether the upstream answered (<see cref="UpstreamAnswer"/>).
/// Measured on distribution 2.8.2: such a request stores nothing, whatever the upstream answers, while any request
/// for real content the cache does not hold makes it fetch and store that content (docs/pull-through.md).
/// </summary>
internal sealed class UpstreamChecks(IReadOnlyList<GlobPattern> patterns)
{
    /// <summary>sha256 of bytes that are not a manifest, a config or a layer anyone could push: asked for, it can only be unknown.</summary>
    public static Digest Canary { get; } = Digest.Sha256Of("registryguard: pull-through upstream check"u8);

    private readonly Dictionary<string, string> _firstCached = new(StringComparer.Ordinal);

    /// <summary>Called for each repository in catalog order; remembers the first one under each pattern.</summary>
    public void Listed(string repository)
    {
        foreach (var pattern in patterns)
        {
            if (!_firstCached.ContainsKey(pattern.Pattern) && pattern.IsMatch(repository))
            {
                _firstCached[pattern.Pattern] = repository;
            }
        }
    }

    public async Task<IReadOnlyList<UpstreamStatus>> RunAsync(
        RegistryClient client, Shard shard, string? stateFile, DateTimeOffset runStarted, Action<Finding> report, IList<string> warnings,
        CancellationToken cancellationToken)
    {
        var outages = UpstreamOutageStore.Load(stateFile);
        var statuses = new List<UpstreamStatus>();
        foreach (var pattern in patterns.Select(p => p.Pattern).Distinct(StringComparer.Ordinal))
        {
            if (!_firstCached.TryGetValue(pattern, out var repository))
            {
                if (shard.Index == 0)
                {
                    statuses.Add(new UpstreamStatus(pattern, null, new UpstreamVerdict(UpstreamState.NotChecked, null, "nothing is cached yet: no repository to ask in")));
                }

                continue;
            }

            if (!shard.Contains(repository))
            {
                continue; // the shard that holds this repository checks it: one request per run, not one per shard
            }

            var verdict = await CheckAsync(client, repository, cancellationToken).ConfigureAwait(false);
            switch (verdict.State)
            {
                case UpstreamState.Reachable:
                    outages.Remove(pattern);
                    statuses.Add(new UpstreamStatus(pattern, repository, verdict));
                    break;
                case UpstreamState.Unreachable:
                    var remembered = outages.TryGetValue(pattern, out var since);
                    since = remembered ? since : DateTimeOffset.FromUnixTimeSeconds(runStarted.ToUnixTimeSeconds()); // what the state file keeps
                    outages[pattern] = since;
                    statuses.Add(new UpstreamStatus(pattern, repository, verdict, since));
                    report(Finding(pattern, verdict, since, remembered, stateFile is not null));
                    break;
                default:
                    statuses.Add(new UpstreamStatus(pattern, repository, verdict));
                    warnings.Add($"pull-through {pattern}: could not check the upstream: {verdict.Reason}");
                    break;
            }
        }

        if (UpstreamOutageStore.Save(stateFile, outages) is { } warning)
        {
            warnings.Add(warning);
        }

        return statuses;
    }

    private static async Task<UpstreamVerdict> CheckAsync(RegistryClient client, string repository, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await client.GetBlobOnceAsync(repository, Canary, cancellationToken).ConfigureAwait(false);
            return UpstreamAnswer.Classify(answer.Status, answer.Body.Span);
        }
        catch (RegistryUnreachableException ex) when (ex.InnerException is TimeoutException)
        {
            // /v2/ and the catalog answered moments ago: a request that has to go upstream and never comes back
            // is the cache waiting on an upstream that accepts connections but does not answer.
            return new UpstreamVerdict(UpstreamState.Unreachable, null, $"the cache did not answer a request that needs the upstream ({ex.Message})");
        }
        catch (RegistryException ex)
        {
            return new UpstreamVerdict(UpstreamState.Unknown, null, ex.Message);
        }
    }

    private static Finding Finding(string pattern, UpstreamVerdict verdict, DateTimeOffset since, bool remembered, bool kept)
    {
        var source = remembered ? "first seen by an earlier run"
            : kept ? "first seen by this run"
            : "seen by this run; --upstream-state FILE remembers since when";
        var scope = pattern == "**" ? "" : $" (repositories {pattern})";
        var when = since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var detail = $"upstream {verdict.Upstream ?? "of this pull-through cache"}{scope} unreachable since {when} ({source}): {verdict.Reason}. "
            + "Cached content is still served; anything not cached fails until the upstream answers again. Not an integrity failure.";
        return new Finding(FindingKind.UpstreamUnreachable, "", null, null, null, detail);
    }
}
