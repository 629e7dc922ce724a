namespace RegistryGuard.IntegrationTests.Soak;

/// <summary>One reading of a process from /proc: resident memory, threads, open file descriptors.</summary>
internal sealed record ResourceSample(TimeSpan At, long RssKiB, int Threads, int OpenFiles)
{
    public double RssMiB => RssKiB / 1024.0;
}
