namespace RegistryGuard.Tests.Signatures;

/// <summary>The openssl-made public keys of <see cref="OpensslFixtures"/> as files, for tests that read key files.</summary>
internal sealed class KeyFiles : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("registryguard-keys-").FullName;

    public KeyFiles()
    {
        P256 = Write("cosign.pub", OpensslFixtures.P256Public);
        Rsa = Write("rsa.pub", OpensslFixtures.RsaPublic);
        NotAKey = Write("garbage.pub", "this is not a key\n");
    }

    public string Directory => _directory;

    public string P256 { get; }

    public string Rsa { get; }

    public string NotAKey { get; }

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
