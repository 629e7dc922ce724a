namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>Every file under a directory with its exact bytes: "restored exactly" is a comparison of two of these.</summary>
internal static class StorageSnapshot
{
    public static SortedDictionary<string, string> Take(string directory)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            result[Path.GetRelativePath(directory, file)] = Convert.ToBase64String(File.ReadAllBytes(file));
        }

        return result;
    }
}
