using RegistryGuard.Common;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>
/// Real components are required, never skipped: a missing binary fails the test with the install command
/// (test.sh and .ci/run install them first).
/// </summary>
internal static class RequiredTool
{
    public static string Path(string name) => ExternalTool.Find(name);
}
