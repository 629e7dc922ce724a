using RegistryGuard.Common;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>
/// Creates and inspects names that are not valid UTF-8 through bash, byte for byte: .NET itself cannot name them
/// (it decodes such names lossily). Paths are printf formats relative to a directory: <c>team\xff/app</c>.
/// </summary>
internal static class RawNames
{
    public static Task MakeDirectoriesAsync(string root, params string[] printfPaths) =>
        BashAsync(root, """for p in "$@"; do mkdir -p -- "$(printf "$p")"; done""", printfPaths);

    public static Task WriteFileAsync(string root, string printfPath, string content) =>
        BashAsync(root, """p="$(printf "$1")"; mkdir -p -- "$(dirname -- "$p")"; printf '%s' "$2" > "$p" """, [printfPath, content]);

    public static async Task<bool> ExistsAsync(string root, string printfPath) =>
        (await BashAsync(root, """test -e "$(printf "$1")" && echo yes || echo no""", [printfPath])).Trim() == "yes";

    /// <summary>Every name, type, size and file checksum under <paramref name="root"/>, read with raw bytes (changes if anything was touched).</summary>
    public static Task<string> TreeAsync(string root) =>
        BashAsync(root, """{ find . -printf '%y %s %p\n'; find . -type f -exec md5sum {} +; } | LC_ALL=C sort | md5sum""", []);

    private static async Task<string> BashAsync(string root, string script, IEnumerable<string> arguments)
    {
        var result = await ProcessRunner.RunAsync(RequiredTool.Path("bash"), ["-c", $"cd \"$0\" && {{ {script}; }}", root, .. arguments],
            TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.True(result.ExitCode == 0, result.Combined);
        return result.StandardOutput;
    }
}
