using System.Collections.Concurrent;

namespace RegistryGuard.Registry.Auth;

/// <summary>Bearer tokens by scope, dropped a little before they expire so a request never carries a stale one.</summary>
public sealed class TokenCache(TimeProvider timeProvider)
{
    private static readonly TimeSpan SafetyMargin = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, Entry> _tokens = new(StringComparer.Ordinal);

    public bool TryGet(string scope, out string token)
    {
        if (_tokens.TryGetValue(scope, out var entry) && timeProvider.GetUtcNow() < entry.ExpiresAt)
        {
            token = entry.Token;
            return true;
        }

        token = "";
        return false;
    }

    public void Store(string scope, string token, TimeSpan lifetime)
    {
        // A token living less than the margin is still usable once; never cache it as already expired.
        var usable = lifetime > SafetyMargin * 2 ? lifetime - SafetyMargin : lifetime / 2;
        _tokens[scope] = new Entry(token, timeProvider.GetUtcNow() + usable);
    }

    public void Invalidate(string scope) => _tokens.TryRemove(scope, out _);

    private sealed record Entry(string Token, DateTimeOffset ExpiresAt);
}
