namespace RegistryGuard.Signatures;

public enum SignatureState
{
    /// <summary>At least one signature verifies with a key and names the manifest.</summary>
    Valid,

    /// <summary>No signature found, neither by tag nor as a referrer.</summary>
    NotSigned,

    /// <summary>Signatures found, none valid.</summary>
    Invalid,
}
