namespace RegistryGuard.Storage.Repositories;

/// <summary>One upload in progress under <c>_uploads/</c>.</summary>
/// <param name="Name">The upload's directory name, printable.</param>
/// <param name="StartedAt">From its <c>startedat</c> file, else the directory's modification time.</param>
/// <param name="Size">Bytes of the files in it (symbolic links not followed).</param>
internal sealed record UploadContents(string Name, DateTimeOffset StartedAt, long Size);
