using System.Text;
using RegistryGuard.Registry.Auth;

namespace RegistryGuard.Tests.Registry.Auth;

public sealed class DockerConfigCredentialsTests : IDisposable
{
    private readonly string _path = Path.Combine(Directory.CreateTempSubdirectory("docker-config-").FullName, "config.json");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);

    [Fact]
    public void Finds_auth_for_the_host_and_port()
    {
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes("ci:pa:ss"));
        File.WriteAllText(_path, """{"auths":{"other.example":{"auth":"eDp5"},"https://registry.example:5050/v1/":{"auth":"AUTH"}}}""".Replace("AUTH", auth, StringComparison.Ordinal));

        var credentials = DockerConfigCredentials.Find(_path, new Uri("https://registry.example:5050/"));

        Assert.Equal(("ci", "pa:ss"), (credentials!.Username, credentials.Password));
        Assert.DoesNotContain("pa:ss", credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_or_host_gives_no_credentials()
    {
        Assert.Null(DockerConfigCredentials.Find(_path, new Uri("https://registry.example/")));
        File.WriteAllText(_path, """{"auths":{}}""");
        Assert.Null(DockerConfigCredentials.Find(_path, new Uri("https://registry.example/")));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"auths":{"registry.example":{"auth":"!!!"}}}""")]
    [InlineData("""{"auths":{"registry.example":{"auth":"bm9jb2xvbg=="}}}""")]
    public void Broken_configs_are_reported_without_their_content(string json)
    {
        File.WriteAllText(_path, json);
        var ex = Assert.Throws<InvalidDataException>(() => DockerConfigCredentials.Find(_path, new Uri("https://registry.example/")));
        Assert.DoesNotContain("bm9jb2xvbg", ex.Message, StringComparison.Ordinal);
    }
}
