using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace RegistryGuard.Probing;

/// <summary>
/// The walk's work, handed out deepest level first (a blob before a manifest before a tag before a repository's
/// tag list). The walk then finishes the repositories it has opened before it opens more, so what waits here is the
/// frontier of a few repositories rather than a whole level of the registry, and a finished repository's part of
/// the graph can be let go (<see cref="RepositoryGraph"/>).
/// </summary>
internal sealed class DeepestFirstScheduler<T>(int levels)
{
    private readonly Queue<T>[] _levels = [.. Enumerable.Range(0, levels).Select(_ => new Queue<T>())];
    private readonly Lock _gate = new();

    // One token per item added: a worker waits for a token, then takes the deepest item there is. Tokens are
    // written after their item is queued, so a worker holding one always finds an item.
    private readonly Channel<bool> _tokens = Channel.CreateUnbounded<bool>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });

    public void Add(T item, int level)
    {
        lock (_gate)
        {
            _levels[level].Enqueue(item);
        }

        _tokens.Writer.TryWrite(true);
    }

    /// <summary>No more work will be added: readers finish once the queued items are taken.</summary>
    public void Complete() => _tokens.Writer.TryComplete();

    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var _ in _tokens.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return TakeDeepest();
        }
    }

    private T TakeDeepest()
    {
        lock (_gate)
        {
            for (var level = _levels.Length - 1; level >= 0; level--)
            {
                if (_levels[level].TryDequeue(out var item))
                {
                    return item;
                }
            }
        }

        throw new UnreachableException("a token was taken without an item queued");
    }
}
