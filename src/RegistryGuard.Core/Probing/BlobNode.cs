namespace RegistryGuard.Probing;

internal sealed class BlobNode
{
    public long? Length { get; set; }

    /// <summary>Set only when Docker-Content-Digest names another digest than the one asked for: the usual answer
    /// repeats it, and an inline <see cref="Digest"/>? would widen every blob node.</summary>
    public AnnouncedDigest? MismatchedHeader { get; set; }

    public Issue? Error { get; set; }

    public BlobHashOutcome? Deep { get; set; }
}
