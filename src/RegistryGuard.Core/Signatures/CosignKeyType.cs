namespace RegistryGuard.Signatures;

public enum CosignKeyType
{
    EcdsaP256,
    EcdsaP384,
    EcdsaP521,
    Rsa,
}
