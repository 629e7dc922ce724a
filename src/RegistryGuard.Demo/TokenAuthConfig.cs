namespace RegistryGuard.Demo;

/// <summary>distribution's <c>auth.token</c> section: where clients get tokens and whose signatures the registry trusts.</summary>
/// <param name="RootCertBundle">PEM file of the CA certificate(s) the token signing certificate must chain to.</param>
public sealed record TokenAuthConfig(Uri Realm, string Service, string Issuer, string RootCertBundle);
