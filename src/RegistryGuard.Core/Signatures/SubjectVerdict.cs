namespace RegistryGuard.Signatures;

/// <summary>The outcome for one signed manifest (a subject): valid with a key, unsigned, or invalid with the reasons.</summary>
public sealed record SubjectVerdict(SignatureState State, string Detail, CosignKey? Key = null);
