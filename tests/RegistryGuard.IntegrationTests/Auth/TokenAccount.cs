namespace RegistryGuard.IntegrationTests.Auth;

internal sealed record TokenAccount(string Password, IReadOnlyList<TokenGrant> Grants);
