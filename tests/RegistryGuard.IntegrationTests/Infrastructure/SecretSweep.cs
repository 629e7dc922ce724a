using System.Collections.Concurrent;
using RegistryGuard.Common;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>
/// Every output the auth-related tests produce (stdout, stderr and trace-level logs, JSON reports, span tags,
/// exported OTLP payloads, what the Pushgateway serves, journals, restore bundles) and every secret they
/// use (passwords, base64 user:password, issued tokens). <see cref="SecretSweepFixture"/> sweeps them all at
/// the end of the collection: zero hits or the run fails.
/// </summary>
internal static class SecretSweep
{
    private static readonly ConcurrentDictionary<string, byte> Secrets = new(StringComparer.Ordinal);
    private static readonly ConcurrentQueue<(string Source, string Text)> Outputs = new();

    public static int OutputCount => Outputs.Count;

    public static int SecretCount => Secrets.Count;

    public static long BytesSwept => Outputs.Sum(o => (long)o.Text.Length);

    public static void AddSecret(string secret)
    {
        if (secret.Length >= 6)
        {
            Secrets.TryAdd(secret, 0);
        }
    }

    /// <summary>The password, and the user:password pair as Basic auth and docker config.json carry it.</summary>
    public static void AddCredentials(string user, string password)
    {
        AddSecret(password);
        AddSecret(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    /// <summary>A password or token random per run (so a leak cannot hide behind a fixed string), registered.</summary>
    public static string NewSecret(string prefix)
    {
        var secret = prefix + "-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        AddSecret(secret);
        return secret;
    }

    public static void Record(string source, string text) => Outputs.Enqueue((source, text));

    public static ProcessResult Record(string source, ProcessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Record(source + " stdout", result.StandardOutput);
        Record(source + " stderr", result.StandardError);
        return result;
    }

    /// <summary>Every file under <paramref name="directory"/> (journals, restore bundles), byte for byte.</summary>
    public static void RecordFiles(string source, string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            Record($"{source} {Path.GetRelativePath(directory, file)}", System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(file)));
        }
    }

    /// <summary>Where a secret appears: source and which secret (by index, never the secret itself).</summary>
    public static IReadOnlyList<string> Leaks() => Find(Outputs, Secrets.Keys.ToList());

    internal static IReadOnlyList<string> Find(IEnumerable<(string Source, string Text)> outputs, IReadOnlyList<string> secrets) =>
        [.. from output in outputs
            from index in Enumerable.Range(0, secrets.Count)
            where output.Text.Contains(secrets[index], StringComparison.Ordinal)
            select $"{output.Source}: secret #{index}"];
}
