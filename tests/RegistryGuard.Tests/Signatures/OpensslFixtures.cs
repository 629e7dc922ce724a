namespace RegistryGuard.Tests.Signatures;

/// <summary>
/// Public keys, a payload and signatures made once with openssl (an independent implementation of the format):
/// <c>openssl ecparam -genkey</c> / <c>openssl genrsa</c>, <c>openssl dgst -sha256 -sign KEY -out SIG payload.json</c>.
/// The private keys were discarded.
/// </summary>
internal static class OpensslFixtures
{
    public const string SignedDigest = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    public const string Payload =
        """{"critical":{"identity":{"docker-reference":"127.0.0.1:5000/team/app"},"image":{"docker-manifest-digest":"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},"type":"cosign container image signature"},"optional":null}""";

    public const string P256Public = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEUkPIWG7KKEkMCY1ozBTmTE6qErTa
        ZlJanfZd+v9ofRIE8nZQXAU1ua1VaaJEFBJMWGKbgks5zHMqnncZpnJtNg==
        -----END PUBLIC KEY-----
        """;

    /// <summary><c>openssl pkey -pubin -in p256.pub -outform DER | sha256sum</c>, first 16 hex characters.</summary>
    public const string P256Fingerprint = "SHA256:3db718f56513b59c";

    public const string P256Signature = "MEUCIQCeno4Lm1oTBlaES2IBmC0xu3hO/IXbrqvLpdYXgE+vQgIgDW9aXhaCsR3UUobKT725kuA7ycvrq/b47KG/uGJIvZc=";

    public const string P384Public = """
        -----BEGIN PUBLIC KEY-----
        MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEB1TP9JZH/h7f+17xPgr3XLtupUgBSvF8
        7L97zvR3ZGwxpLfGrcI0qWBje5txff8gVvai4PxtLbX3ivXT2O2sFLLBq1Tfb68j
        dMOmRfZ6MU04n9dyfFrCN3r2J/ygqI94
        -----END PUBLIC KEY-----
        """;

    /// <summary>P-384 over SHA-384 (newer cosign) and over SHA-256 (cosign's long-standing default).</summary>
    public const string P384Sha384Signature = "MGUCMQCG8ylRySifJDqmVhw/BY3XfVE6OtcIF3L8GjjzZJFVi/X3VEMF9T/QvN7DZgyGK9YCMGSN6ioyKR0PnW7bpip2qBB7OmgIF9R2EDSmL13eJbFp3fE5hj3WgFiOixtZpY4Z0A==";

    public const string P384Sha256Signature = "MGYCMQDNzPvpJlBah50mKs/v5N2fg1If08NMHHrHVbWtR1ukNi/wOBtW9Fy8yCwweffUL40CMQDAijpVzpl7y0yUVYK9xc6RwHdg7P8S2LLbJlpewsbw3S3/XLIaaiZMCTdj1vUh39s=";

    public const string RsaPublic = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxoMFoWcz7pQ74UzuFs/e
        E66cu47KBm8fm9JJgx1kN6FC6EkVzGpPQdee4ys+6LH7Z05TNIJsUzAaS+a5q5Mr
        ten7eOkUwyCgfT3JOSeoezGPKvCwCBJtLHOA3mvR68wc6B/S/ohoXFqUjfT+fNQu
        Z4qbVn7gumno3UNuLbb4H9tZDmV7D2FEBUOLayGu1J9bQwOYZF1QnLm9U8MDv3C9
        PgS+dzDx/orqrJGf+CPpaZBpLarqbOhpjRpWjT07QP61FmPMz6JGjsdnzSr71VP7
        BuDEsc2fAH+FQUamgnFX+VBYD/WiqUuj58v7TIewAKBm2F9euF81w7EVMATI9FQp
        TwIDAQAB
        -----END PUBLIC KEY-----
        """;

    /// <summary>The same RSA key as PKCS#1 (<c>openssl rsa -RSAPublicKey_out</c>).</summary>
    public const string RsaPkcs1Public = """
        -----BEGIN RSA PUBLIC KEY-----
        MIIBCgKCAQEAxoMFoWcz7pQ74UzuFs/eE66cu47KBm8fm9JJgx1kN6FC6EkVzGpP
        Qdee4ys+6LH7Z05TNIJsUzAaS+a5q5Mrten7eOkUwyCgfT3JOSeoezGPKvCwCBJt
        LHOA3mvR68wc6B/S/ohoXFqUjfT+fNQuZ4qbVn7gumno3UNuLbb4H9tZDmV7D2FE
        BUOLayGu1J9bQwOYZF1QnLm9U8MDv3C9PgS+dzDx/orqrJGf+CPpaZBpLarqbOhp
        jRpWjT07QP61FmPMz6JGjsdnzSr71VP7BuDEsc2fAH+FQUamgnFX+VBYD/WiqUuj
        58v7TIewAKBm2F9euF81w7EVMATI9FQpTwIDAQAB
        -----END RSA PUBLIC KEY-----
        """;

    public const string RsaSignature = "ck/6gSQmeBVD4vn+ZwxSl8iLcbhvJ9jVa4VefRn9qYLccsDNsxGbSzdUgPPP5P9tX/MTGl++f2pO3ABRx9awCNzjUCEtOQ4HhrV9Vd5PVkIU1fcmeeuVnYecPfBbYB+01d2TBbN2vuMPWtGBi2nkcwA3SqP6Juj//WzGq08mBtAY5vy+G05CSCpudNU13lWPOesxpS5bF7m/fbB7Di0f4vS4ggPfI2pjRgKDxOyoANupPgjMfeUDIAbzmP6Mn3ptNzxZPqaZFWljGka+rq9PpEolK0/p8i/anJCTmE3wkMIkHzun7YBM4EUphZZkEjLApObkLu+GOPyRKV0UYMAVGw==";

    public const string Rsa1024Public = """
        -----BEGIN PUBLIC KEY-----
        MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC3/KO7/+cDYj74AHYkwCM3qe9t
        DHwjfavGnJQ3c5pH4rObHVhbtrSs0xENKztbwJ/7IkTG2O55+Dp31NNsWCArROmg
        PYK1AMmLcNdOJoACAKEJGBWJaUMBd0Z2tnAQ5hUPkVW6Y+NMOjBLtfUanK7JevW/
        I11OqHa3yC7SelytIwIDAQAB
        -----END PUBLIC KEY-----
        """;

    public const string Ed25519Public = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEAFTYyXLTmsOWa6ccV0AM/7aa2cfhI4OZvncuDZAGwmhk=
        -----END PUBLIC KEY-----
        """;
}
