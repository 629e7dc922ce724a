namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>Runs the sweep once every test of the collection is done; a hit fails the run (collection cleanup failure).</summary>
public sealed class SecretSweepFixture : IDisposable
{
    public void Dispose()
    {
        var leaks = SecretSweep.Leaks();
        var summary = $"secrets sweep: {SecretSweep.OutputCount} outputs ({SecretSweep.BytesSwept} chars), {SecretSweep.SecretCount} secrets, {leaks.Count} hits";
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "registryguard-secret-sweep.txt"), summary + Environment.NewLine + string.Join(Environment.NewLine, leaks));
        if (leaks.Count > 0)
        {
            throw new InvalidOperationException(summary + ": " + string.Join("; ", leaks));
        }
    }
}
