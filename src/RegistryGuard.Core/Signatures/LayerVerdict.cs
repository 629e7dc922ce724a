namespace RegistryGuard.Signatures;

/// <summary>The outcome of one signature layer: the key it verifies with, or why it is not a valid signature of the subject.</summary>
public sealed record LayerVerdict(CosignKey? Key, string? Problem)
{
    public bool IsValid => Key is not null;

    public static LayerVerdict Valid(CosignKey key) => new(key, null);

    public static LayerVerdict Invalid(string problem) => new(null, problem);
}
