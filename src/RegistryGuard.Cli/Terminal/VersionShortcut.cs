using System.Text;

namespace RegistryGuard.Cli.Terminal;

/// <summary>
/// <c>registryguard --version</c> answered before the command tree is built: the line System.CommandLine prints (the
/// informational version, <see cref="BuildVersion"/>: a constant, no reflection over attributes), straight to the
/// stdout handle, without constructing every command and option or the console's TextWriter (bench/NATIVE-PROFILE.md).
/// Any other use of --version (with more arguments) still goes through the parser and behaves as before.
/// </summary>
internal static class VersionShortcut
{
    public static bool Applies(string[] args) => args is ["--version"];

    public static int Print()
    {
        using var stdout = Console.OpenStandardOutput();
        stdout.Write(Encoding.UTF8.GetBytes(BuildVersion.Informational + "\n"));
        return 0;
    }
}
