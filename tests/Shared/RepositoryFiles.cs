namespace RegistryGuard.Testing;

/// <summary>The checkout the tests run from: documentation and deployment files are checked where they are kept, where an operator copies them from.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "RegistryGuard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("RegistryGuard.sln not found above " + AppContext.BaseDirectory);
    }
}
