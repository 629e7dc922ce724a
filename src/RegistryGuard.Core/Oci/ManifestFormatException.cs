namespace RegistryGuard.Oci;

/// <summary>Thrown when bytes that should be a manifest cannot be understood.</summary>
public sealed class ManifestFormatException : Exception
{
    public ManifestFormatException()
    {
    }

    public ManifestFormatException(string message)
        : base(message)
    {
    }

    public ManifestFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The bytes are no manifest of any kind: not JSON, not an object, a schemaVersion other than 1 and 2, or a media
    /// type no manifest has. distribution's own reader refuses exactly these (its garbage-collect stops on a revision
    /// that is one); a malformed manifest of a known kind it reads, and its garbage-collect runs.
    /// </summary>
    public bool Unrecognized { get; init; }
}
