namespace RegistryGuard.IntegrationTests.Packaging;

/// <summary>
/// One package test at a time on this machine: installing registryguard is machine-wide, and test runs of several
/// checkouts may share a machine. An exclusive lock on a file in /tmp (FileShare.None takes flock on Linux).
/// </summary>
internal sealed class MachineLock : IDisposable
{
    private readonly FileStream _stream;

    private MachineLock(FileStream stream) => _stream = stream;

    public static async Task<MachineLock> AcquireAsync(string name, TimeSpan patience)
    {
        var path = Path.Combine(Path.GetTempPath(), name + ".lock");
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                return new MachineLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
