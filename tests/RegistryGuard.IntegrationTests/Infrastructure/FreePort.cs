using RegistryGuard.Demo;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>A loopback port for a server a test is about to start (see <see cref="LoopbackPorts"/> for why not port 0).</summary>
internal static class FreePort
{
    public static int Next() => LoopbackPorts.Next();
}
