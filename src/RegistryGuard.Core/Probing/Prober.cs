using System.Diagnostics;
using RegistryGuard.Findings;
using RegistryGuard.Oci;
using RegistryGuard.Probing.PullThrough;
using RegistryGuard.Registry;
using RegistryGuard.Telemetry;

namespace RegistryGuard.Probing;

/// <summary>
/// Walks a registry over HTTP the way a client pulls: catalog → tags → manifests → index children → config
/// and layers, checking status, size and digest at every step. Work items flow through one scheduler served
/// by a fixed set of workers, deepest work first, so the walk is pipelined and bounded however deep or wide the
/// registry is, and holds only the repositories it is walking: each one's findings are derived when it completes.
/// </summary>
public sealed class Prober(RegistryClient client, ProbeOptions options, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public ProbeCounters Counters { get; } = new();

    private RegistryClient Client => client;

    private ProbeOptions Options => options;

    /// <summary>Non-fatal problems of the run itself (a deep cursor that could not be saved).</summary>
    public IList<string> Warnings { get; } = new List<string>();

    public async Task<ProbeReport> ProbeRegistryAsync(CancellationToken cancellationToken)
    {
        using var activity = RegistryGuardTelemetry.ActivitySource.StartActivity("probe");
        activity?.SetTag("registry", client.BaseAddress.GetLeftPart(UriPartial.Authority));
        var started = _time.GetUtcNow();
        var timestamp = _time.GetTimestamp();
        try
        {
            await client.PingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RegistryException ex)
        {
            return Fatal(started, timestamp, Unavailable(ex));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fatal(started, timestamp, null) with { Interrupted = true };
        }

        var run = new Run(this) { TagsListed = true };
        try
        {
            return await WalkRegistryAsync(run, started, timestamp, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Report(run, started, timestamp, catalogAccessible: true, fatal: null) with { Interrupted = true };
        }
    }

    private async Task<ProbeReport> WalkRegistryAsync(Run run, DateTimeOffset started, long timestamp, CancellationToken cancellationToken)
    {
        if (options.ExpectAuth)
        {
            await CheckAuthIsEnforcedAsync(run, cancellationToken).ConfigureAwait(false);
        }

        string? fatal = null;
        var listed = 0;
        var cached = 0;
        var upstreams = new UpstreamChecks(options.PullThrough);
        await run.ExecuteAsync(
            async ct =>
            {
                try
                {
                    await foreach (var repository in client.ListRepositoriesAsync(options.PageSize, ct).ConfigureAwait(false))
                    {
                        listed++;
                        if (!RepositoryName.IsValid(repository))
                        {
                            run.Graph.Standalone.Enqueue(new Finding(FindingKind.InvalidName, Sanitize(repository), null, null, null,
                                "the catalog lists a name outside the repository grammar; not probed"));
                        }
                        else if (options.IsPullThrough(repository))
                        {
                            upstreams.Listed(repository);
                            cached += options.Shard.Contains(repository) ? 1 : 0;
                        }
                        else if (options.Shard.Contains(repository))
                        {
                            Counters.RepositoryQueued();
                            run.Enqueue(new ListTagsWork(new RepositoryGraph(repository)));
                        }
                    }

                    Counters.CatalogRead();
                }
                catch (RegistryException ex)
                {
                    fatal = "catalog: " + Unavailable(ex);
                }
            },
            cancellationToken).ConfigureAwait(false);

        IReadOnlyList<UpstreamStatus> upstreamStatuses = [];
        if (fatal is null)
        {
            CheckCatalogSize(run, listed);
            upstreamStatuses = await upstreams.RunAsync(client, options.Shard, options.UpstreamStateFile, started,
                run.Graph.Standalone.Enqueue, Warnings, cancellationToken).ConfigureAwait(false);
        }

        await HashDeepAsync(run, cancellationToken).ConfigureAwait(false);
        await ProbeSignatures.CheckAsync(client, options, run.Graph, Warnings, cancellationToken).ConfigureAwait(false);
        return Report(run, started, timestamp, catalogAccessible: fatal is null, fatal, (cached, upstreamStatuses));
    }

    private async Task CheckAuthIsEnforcedAsync(Run run, CancellationToken cancellationToken)
    {
        foreach (var path in (string[])["v2/", "v2/_catalog?n=1"])
        {
            try
            {
                var status = await client.GetStatusWithoutCredentialsAsync(path, cancellationToken).ConfigureAwait(false);
                if (status == System.Net.HttpStatusCode.OK)
                {
                    run.Graph.Standalone.Enqueue(new Finding(FindingKind.UnauthenticatedAccess, "", null, null, null,
                        $"GET /{path} answered 200 without credentials; auth is expected (a proxy that lost its auth config, or the registry's auth section gone)"));
                }
            }
            catch (RegistryException ex)
            {
                Warnings.Add($"could not check that /{path} requires auth: {ex.Message}");
            }
        }
    }

    private void CheckCatalogSize(Run run, int listed)
    {
        var previous = CatalogCountStore.Load(options.CatalogStateFile);
        var shrunk = CatalogHealth.Check(listed, options.MinRepositories, previous);
        if (shrunk is not null)
        {
            run.Graph.Standalone.Enqueue(shrunk);
        }

        if (CatalogCountStore.Save(options.CatalogStateFile, CatalogHealth.Baseline(listed, previous, shrunk is not null)) is { } warning)
        {
            Warnings.Add(warning);
        }
    }

    /// <summary>The same walk for one reference (a tag or a digest): the CI post-push check.</summary>
    public async Task<ProbeReport> VerifyAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var activity = RegistryGuardTelemetry.ActivitySource.StartActivity("verify");
        var started = _time.GetUtcNow();
        var timestamp = _time.GetTimestamp();
        var checkedReference = Digest.TryParse(reference, out _) ? $"{repository}@{reference}" : $"{repository}:{reference}";
        try
        {
            await client.PingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RegistryException ex)
        {
            return Fatal(started, timestamp, Unavailable(ex)) with { Reference = checkedReference };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fatal(started, timestamp, null) with { Interrupted = true, Reference = checkedReference };
        }

        var run = new Run(this);
        try
        {
            return await WalkImageAsync(run, repository, reference, started, timestamp, cancellationToken).ConfigureAwait(false) with { Reference = checkedReference };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Report(run, started, timestamp, catalogAccessible: true, fatal: null) with { Interrupted = true, Reference = checkedReference };
        }
    }

    private async Task<ProbeReport> WalkImageAsync(Run run, string repository, string reference, DateTimeOffset started, long timestamp, CancellationToken cancellationToken)
    {
        var isDigest = Digest.TryParse(reference, out var digest);
        var root = new RootNode(repository, isDigest ? null : reference);
        Counters.Repository();
        Counters.RepositoryQueued();
        Counters.CatalogRead();
        await run.ExecuteAsync(
            _ =>
            {
                run.Enqueue(new RootWork(new RepositoryGraph(repository), root, isDigest ? digest : null));
                return Task.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);

        // A reference the credentials cannot read is a usage problem for a CI step, not a finding.
        if (root.Error is { Kind: FindingKind.AccessDenied or FindingKind.Unreachable } error)
        {
            return Fatal(started, timestamp, error.Detail);
        }

        await HashDeepAsync(run, cancellationToken).ConfigureAwait(false);
        await ProbeSignatures.CheckAsync(client, options, run.Graph, Warnings, cancellationToken).ConfigureAwait(false);
        return Report(run, started, timestamp, catalogAccessible: true, fatal: null);
    }

    private ProbeReport Report(Run run, DateTimeOffset started, long timestamp, bool catalogAccessible, string? fatal,
        (int Repositories, IReadOnlyList<UpstreamStatus> Upstreams) pullThrough = default)
    {
        var findings = ProbeFindings.Derive(run.Graph, options.IsPullThrough);
        var failures = findings.Where(f => f.Severity == Severity.Failure).GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count());
        var summary = new ProbeSummary
        {
            Target = client.BaseAddress.GetLeftPart(UriPartial.Authority),
            StartedAt = started,
            Duration = _time.GetElapsedTime(timestamp),
            CatalogAccessible = catalogAccessible,
            Repositories = Counters.Repositories,
            Tags = Counters.Tags,
            Manifests = Counters.Manifests,
            Blobs = Counters.Blobs,
            BlobsHashed = Counters.BlobsHashed,
            BytesHashed = Counters.BytesHashed,
            Requests = client.RequestCount,
            FailuresByKind = failures,
            Signatures = run.Graph.Signatures,
            PullThroughRepositories = pullThrough.Repositories,
            Upstreams = pullThrough.Upstreams ?? [],
        };
        ProbeInstruments.Record(summary);
        return new ProbeReport(summary, findings, fatal);
    }

    private ProbeReport Fatal(DateTimeOffset started, long timestamp, string? error) =>
        new(new ProbeSummary
        {
            Target = client.BaseAddress.GetLeftPart(UriPartial.Authority),
            StartedAt = started,
            Duration = _time.GetElapsedTime(timestamp),
            CatalogAccessible = false,
            Requests = client.RequestCount,
        }, [], error);

    private static string Unavailable(RegistryException ex) => ex switch
    {
        RegistryAuthException => $"{ex.Message} — credentials missing, wrong, or not allowed to read the catalog",
        _ => ex.Message,
    };

    private static string Sanitize(string name)
    {
        var printable = new string([.. name.Take(200).Select(c => char.IsControl(c) ? '?' : c)]);
        return name.Length > 200 ? printable + "…" : printable;
    }

    private async Task HashDeepAsync(Run run, CancellationToken cancellationToken)
    {
        if (!options.Deep)
        {
            return;
        }

        var byDigest = run.Graph.Kept
            .SelectMany(repository => repository.Blobs.Select(pair => (Repository: repository.Name, Digest: pair.Key, Node: pair.Value)))
            .Where(holder => holder.Node.Error is null)
            .GroupBy(holder => holder.Digest)
            .ToDictionary(g => g.Key, g => g.ToList());
        var candidates = byDigest.Select(pair => new DeepSelection.Candidate(pair.Key, pair.Value[0].Node.Length ?? 0));
        var (selected, cursor) = DeepSelection.Select(candidates, options.DeepBudgetBytes, DeepCursorStore.Load(options.DeepStateFile));
        await Parallel.ForEachAsync(
            selected,
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (candidate, ct) =>
            {
                var holders = byDigest[candidate.Digest];
                BlobHashOutcome outcome;
                try
                {
                    var hash = await client.HashBlobAsync(holders[0].Repository, candidate.Digest, ct).ConfigureAwait(false);
                    Counters.Hashed(hash.Length);
                    outcome = new BlobHashOutcome(hash.Computed, hash.Length, null);
                }
                catch (RegistryException ex)
                {
                    outcome = new BlobHashOutcome(null, 0, ErrorClassification.ForBlob(ex));
                }

                // The bytes live once in storage, whichever repository links them.
                foreach (var holder in holders)
                {
                    holder.Node.Deep = outcome;
                }
            }).ConfigureAwait(false);

        if (options.DeepBudgetBytes is not null && DeepCursorStore.Save(options.DeepStateFile, cursor) is { } warning)
        {
            Warnings.Add(warning);
        }
    }

    /// <summary>A step of one repository's walk; <see cref="Level"/> orders the scheduler, deepest first.</summary>
    private abstract record Work(RepositoryGraph Repository, int Level);

    private sealed record ListTagsWork(RepositoryGraph Repository) : Work(Repository, 0);

    private sealed record RootWork(RepositoryGraph Repository, RootNode Root, Digest? Digest) : Work(Repository, 1);

    private sealed record ManifestWork(RepositoryGraph Repository, Digest Digest, ManifestNode Node) : Work(Repository, 2);

    private sealed record BlobWork(RepositoryGraph Repository, Digest Digest, BlobNode Node) : Work(Repository, 3);

    private const int WorkLevels = 4;

    /// <summary>One walk: the queue, its workers and the graph they fill.</summary>
    private sealed class Run(Prober owner)
    {
        private readonly DeepestFirstScheduler<Work> _queue = new(WorkLevels);
        private int _pending;
        private CancellationToken _stopping;

        public ProbeGraph Graph { get; } = new();

        /// <summary>True when repositories are walked from their tag lists (probe), false for one reference (verify).</summary>
        public bool TagsListed { get; init; }

        private RegistryClient Client => owner.Client;

        private ProbeCounters Counters => owner.Counters;

        public async Task ExecuteAsync(Func<CancellationToken, Task> seed, CancellationToken cancellationToken)
        {
            _stopping = cancellationToken;
            var workers = Enumerable.Range(0, Math.Max(1, owner.Options.Concurrency)).Select(_ => WorkAsync(cancellationToken)).ToArray();
            Interlocked.Increment(ref _pending); // held by the seed until it has enqueued everything
            try
            {
                await seed(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Done();
            }

            await Task.WhenAll(workers).ConfigureAwait(false);
        }

        public void Enqueue(Work work)
        {
            Interlocked.Increment(ref _pending);
            work.Repository.Begin();
            _queue.Add(work, work.Level);
        }

        private void Done()
        {
            if (Interlocked.Decrement(ref _pending) == 0)
            {
                _queue.Complete();
            }
        }

        private void Done(Work work)
        {
            if (work.Repository.End())
            {
                Counters.RepositoryDone();
                Complete(work.Repository);
            }

            Done();
        }

        /// <summary>A repository's walk is complete: derive its findings now and let its nodes go, unless --deep
        /// still has to hash its blobs.</summary>
        private void Complete(RepositoryGraph repository)
        {
            if (_stopping.IsCancellationRequested)
            {
                return; // its last step may have been cut short: an interrupted walk concludes nothing about it
            }

            if (owner.Options.Signatures is not null)
            {
                Graph.Signed.Enqueue(ProbeSignatures.Subjects(repository, TagsListed));
            }

            if (owner.Options.Deep)
            {
                Graph.Kept.Enqueue(repository);
            }
            else
            {
                ProbeFindings.Add(Graph.Findings, repository, owner.Options.IsPullThrough(repository.Name));
            }
        }

        private async Task WorkAsync(CancellationToken cancellationToken)
        {
            await foreach (var work in _queue.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await (work switch
                    {
                        ListTagsWork w => ListTagsAsync(w.Repository, cancellationToken),
                        RootWork w => ResolveRootAsync(w.Repository, w.Root, w.Digest, cancellationToken),
                        ManifestWork w => FetchManifestAsync(w.Repository, w.Digest, w.Node, cancellationToken),
                        BlobWork w => HeadBlobAsync(w.Repository, w.Digest, w.Node, cancellationToken),
                        _ => throw new UnreachableException(),
                    }).ConfigureAwait(false);
                }
                finally
                {
                    Done(work);
                }
            }
        }

        private async Task ListTagsAsync(RepositoryGraph graph, CancellationToken cancellationToken)
        {
            var repository = graph.Name;
            using var activity = RegistryGuardTelemetry.ActivitySource.StartActivity("repository");
            activity?.SetTag("repository", repository);
            Counters.Repository();
            try
            {
                await foreach (var tag in Client.ListTagsAsync(repository, owner.Options.PageSize, cancellationToken).ConfigureAwait(false))
                {
                    if (!RepositoryName.IsValidTag(tag))
                    {
                        Graph.Standalone.Enqueue(new Finding(FindingKind.InvalidName, repository, Sanitize(tag), null, null,
                            "the tag list holds a name outside the tag grammar; not probed"));
                        continue;
                    }

                    Enqueue(new RootWork(graph, new RootNode(repository, tag), null));
                }
            }
            catch (RegistryException ex)
            {
                var issue = ErrorClassification.ForManifest(ex);
                Graph.Standalone.Enqueue(new Finding(issue.Kind == FindingKind.MissingManifest ? FindingKind.Unreachable : issue.Kind,
                    repository, null, null, null, $"tag list: {issue.Detail}"));
            }
        }

        private async Task ResolveRootAsync(RepositoryGraph graph, RootNode root, Digest? digest, CancellationToken cancellationToken)
        {
            graph.Roots.Enqueue(root);
            Counters.Tag();
            ManifestResponse response;
            try
            {
                response = await Client.GetManifestAsync(root.Repository, root.Tag ?? digest.ToString()!, cancellationToken).ConfigureAwait(false);
            }
            catch (RegistryException ex)
            {
                root.Digest = digest;
                root.Error = ErrorClassification.ForManifest(ex);
                return;
            }

            root.HeaderDigest = response.HeaderDigest;
            if (digest is { } asked && response.ComputedDigest != asked)
            {
                root.Digest = asked;
                root.Error = new Issue(FindingKind.DigestMismatch, $"asked for {asked}, the body hashes to {response.ComputedDigest}");
                return;
            }

            root.Digest = response.ComputedDigest;
            var node = new ManifestNode();
            if (graph.Manifests.TryAdd(response.ComputedDigest, node))
            {
                Counters.Manifest();
                Analyze(graph, node, response);
            }
        }

        private async Task FetchManifestAsync(RepositoryGraph graph, Digest digest, ManifestNode node, CancellationToken cancellationToken)
        {
            Counters.Manifest();
            ManifestResponse response;
            try
            {
                response = await Client.GetManifestAsync(graph.Name, digest.ToString(), cancellationToken).ConfigureAwait(false);
            }
            catch (RegistryException ex)
            {
                node.AddIssue(ErrorClassification.ForManifest(ex));
                return;
            }

            if (response.ComputedDigest != digest)
            {
                node.AddIssue(new Issue(FindingKind.DigestMismatch, $"the body served hashes to {response.ComputedDigest}"));
                return; // bytes that are not what was asked for are not followed
            }

            if (response.HeaderDigest is { } header && header != digest)
            {
                node.AddIssue(new Issue(FindingKind.DigestMismatch, $"Docker-Content-Digest announces {header}"));
            }

            Analyze(graph, node, response);
        }

        private void Analyze(RepositoryGraph graph, ManifestNode node, ManifestResponse response)
        {
            node.BodyLength = response.Body.Length;
            Manifest manifest;
            try
            {
                manifest = ManifestParser.Parse(response.Body, response.ContentType);
            }
            catch (ManifestFormatException ex)
            {
                node.AddIssue(new Issue(FindingKind.UnreadableManifest, ex.Message));
                return;
            }

            if (manifest.Kind == ManifestKind.Schema1)
            {
                node.AddIssue(new Issue(FindingKind.UnreadableManifest, $"{manifest.MediaType}: Docker schema1 is obsolete; reported, not followed"));
                return;
            }

            if (manifest.Kind == ManifestKind.Index)
            {
                // Only entries that are manifests (IndexEntry): the others are blobs, HEADed below like layers.
                node.Children = [.. manifest.ChildManifests.Select(d => new Reference(d.Digest, d.Size, d.IsForeign))];
                foreach (var child in node.Children)
                {
                    var childNode = new ManifestNode();
                    if (graph.Manifests.TryAdd(child.Digest, childNode))
                    {
                        Enqueue(new ManifestWork(graph, child.Digest, childNode));
                    }
                }
            }

            // An image's config and layers, and an index's entries that are blobs (BuildKit's cache): HEAD under /blobs/.
            node.Blobs = [.. manifest.Blobs.Select(d => new Reference(d.Digest, d.Size, d.IsForeign))];
            foreach (var blob in node.Blobs.Where(b => !b.Foreign))
            {
                var blobNode = new BlobNode();
                if (graph.Blobs.TryAdd(blob.Digest, blobNode))
                {
                    Enqueue(new BlobWork(graph, blob.Digest, blobNode));
                }
            }
        }

        private async Task HeadBlobAsync(RepositoryGraph graph, Digest digest, BlobNode node, CancellationToken cancellationToken)
        {
            Counters.Blob();
            try
            {
                var head = await Client.HeadBlobAsync(graph.Name, digest, cancellationToken).ConfigureAwait(false);
                node.Length = head.ContentLength;
                if (head.HeaderDigest is { } header && header != digest)
                {
                    node.MismatchedHeader = new AnnouncedDigest(header);
                }
            }
            catch (RegistryException ex)
            {
                node.Error = ErrorClassification.ForBlob(ex);
            }
        }
    }
}
