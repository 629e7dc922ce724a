namespace RegistryGuard.Scheduling;

/// <summary>
/// Who may run now. A job that changes a registry (gc, prune with apply, scan with fix) runs alone on that registry
/// and never beside another changing job on any registry; read-only jobs (probe, dry-run scan and prune) run beside
/// each other and beside changes to other registries. A probe walking while a prune deletes would report the tags
/// it deletes as missing: a false page. Waiters are let in in the order they came, so a probe every minute cannot
/// keep a nightly prune waiting forever, nor a prune the probes.
/// </summary>
internal sealed class JobGate
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _waiting = [];
    private readonly Dictionary<string, int> _readers = new(StringComparer.Ordinal);
    private string? _changing;

    /// <summary>Waits until the job may run; dispose the result when it has finished.</summary>
    public async Task<IDisposable> EnterAsync(string registry, bool mutating, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(registry, mutating);
        lock (_lock)
        {
            _waiting.AddLast(waiter);
            Admit();
        }

        using (cancellationToken.Register(() => Abandon(waiter)))
        {
            await waiter.Admitted.Task.ConfigureAwait(false);
        }

        return new Pass(this, waiter);
    }

    private void Abandon(Waiter waiter)
    {
        lock (_lock)
        {
            if (waiter.Admitted.Task.IsCompleted)
            {
                return; // admitted first: the caller holds a pass and gives it back
            }

            _waiting.Remove(waiter);
            waiter.Admitted.TrySetCanceled();
            Admit(); // whoever waited behind it may go now
        }
    }

    private void Leave(Waiter waiter)
    {
        lock (_lock)
        {
            if (waiter.Mutating)
            {
                _changing = null;
            }
            else if (--_readers[waiter.Registry] == 0)
            {
                _readers.Remove(waiter.Registry);
            }

            Admit();
        }
    }

    /// <summary>Lets in, in order, every waiter that conflicts neither with a running job nor with one waiting ahead of it.</summary>
    private void Admit()
    {
        var ahead = new List<Waiter>();
        for (var node = _waiting.First; node is not null;)
        {
            var next = node.Next;
            var waiter = node.Value;
            if (MayRunNow(waiter) && !ahead.Any(earlier => Conflict(earlier, waiter)))
            {
                _waiting.Remove(node);
                if (waiter.Mutating)
                {
                    _changing = waiter.Registry;
                }
                else
                {
                    _readers[waiter.Registry] = _readers.GetValueOrDefault(waiter.Registry) + 1;
                }

                waiter.Admitted.TrySetResult();
            }
            else
            {
                ahead.Add(waiter);
            }

            node = next;
        }
    }

    private bool MayRunNow(Waiter waiter) => waiter.Mutating
        ? _changing is null && !_readers.ContainsKey(waiter.Registry)
        : !string.Equals(_changing, waiter.Registry, StringComparison.Ordinal);

    private static bool Conflict(Waiter a, Waiter b) =>
        (a.Mutating && b.Mutating) || ((a.Mutating || b.Mutating) && string.Equals(a.Registry, b.Registry, StringComparison.Ordinal));

    private sealed class Waiter(string registry, bool mutating)
    {
        public string Registry { get; } = registry;

        public bool Mutating { get; } = mutating;

        public TaskCompletionSource Admitted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Pass(JobGate gate, Waiter waiter) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Leave(waiter);
            }
        }
    }
}
