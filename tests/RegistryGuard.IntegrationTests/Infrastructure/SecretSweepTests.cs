namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>The sweep itself: it must find a planted secret, say where, and never print the secret.</summary>
public sealed class SecretSweepTests
{
    [Fact]
    public void A_planted_secret_is_found_by_source_and_index_without_echoing_it()
    {
        const string secret = "planted-Secret-123";
        var outputs = new[] { ("clean stdout", "nothing here"), ("leaky stderr", $"error: 401 for {secret} at the token service") };

        var hits = SecretSweep.Find(outputs, ["unrelated-secret", secret]);

        Assert.Equal(["leaky stderr: secret #1"], hits);
        Assert.DoesNotContain(hits, h => h.Contains(secret, StringComparison.Ordinal));
    }
}
