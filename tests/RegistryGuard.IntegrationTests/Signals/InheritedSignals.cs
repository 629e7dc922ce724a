using System.Globalization;

namespace RegistryGuard.IntegrationTests.Signals;

/// <summary>
/// A test host started in the background by a non-interactive shell inherits SIGINT ignored, and so does every CLI it
/// starts: the CLI then rightly never sees the signal. Said in one line instead of a two-minute hang.
/// </summary>
internal static class InheritedSignals
{
    public static void AssertNotIgnored(string signal)
    {
        var number = signal switch { "INT" => 2, "TERM" => 15, _ => throw new ArgumentOutOfRangeException(nameof(signal)) };
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var ignored = ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        Assert.True((ignored & (1UL << (number - 1))) == 0,
            $"SIG{signal} is ignored in the test process (started in the background?), so the CLI under test would ignore it too: run the tests through ./test.sh, which resets it");
    }
}
