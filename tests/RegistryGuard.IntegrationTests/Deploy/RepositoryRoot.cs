namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>The checkout the tests run from: the deployment files are tested where an operator copies them from.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "RegistryGuard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("RegistryGuard.sln not found above " + AppContext.BaseDirectory);
    }
}
