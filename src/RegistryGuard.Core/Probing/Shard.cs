using System.Text;

namespace RegistryGuard.Probing;

/// <summary>
/// One of N disjoint slices of the repositories, chosen by a stable hash of the name so a repository stays
/// in the same shard across runs and machines (string.GetHashCode is randomized per process).
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    public static Shard Whole => new(0, 1);

    public bool Contains(string repository) => Count <= 1 || Of(repository, Count) == Index;

    public static int Of(string repository, int count)
    {
        ArgumentNullException.ThrowIfNull(repository);
        uint hash = 2166136261; // FNV-1a
        foreach (var b in Encoding.UTF8.GetBytes(repository))
        {
            hash = (hash ^ b) * 16777619;
        }

        return (int)(hash % (uint)count);
    }

    public static Shard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var index) || !int.TryParse(parts[1], out var count) || count < 1 || index < 0 || index >= count)
        {
            throw new FormatException($"'{text}' is not a shard: expected I/N with 0 <= I < N, e.g. 0/4");
        }

        return new Shard(index, count);
    }

    public override string ToString() => $"{Index}/{Count}";
}
