using System.Diagnostics;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>
/// The registryguard under test. By default the JIT build the tests reference (<c>dotnet registryguard.dll</c> next to
/// the tests); with <c>REGISTRYGUARD_BINARY</c> set, that executable (CI sets it to the native build from
/// scripts/release.sh and runs the <see cref="NativeSuite"/> tests again with it).
/// </summary>
internal static class CliBinary
{
    public const string Variable = "REGISTRYGUARD_BINARY";

    private static readonly Lazy<IReadOnlyList<string>> CommandLine = new(Resolve);

    /// <summary>The executable the tests start, followed by the arguments that come before the CLI's own.</summary>
    public static IReadOnlyList<string> Command => CommandLine.Value;

    /// <summary>True when the tests run an executable given by <see cref="Variable"/> instead of the JIT build.</summary>
    public static bool IsExternal => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 };

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(Command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Command.Skip(1).Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private static IReadOnlyList<string> Resolve()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } binary)
        {
            return ["dotnet", Path.Combine(AppContext.BaseDirectory, "registryguard.dll")];
        }

        var full = Path.GetFullPath(binary);
        if (!File.Exists(full) || (OperatingSystem.IsLinux() && (File.GetUnixFileMode(full) & UnixFileMode.UserExecute) == 0))
        {
            throw new InvalidOperationException($"{Variable}={binary}: no executable file there (build it with scripts/release.sh)");
        }

        return [full];
    }
}
