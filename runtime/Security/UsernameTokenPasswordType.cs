namespace SoapGen.Runtime;

/// <summary>How a WS-Security <c>UsernameToken</c> carries the password.</summary>
public enum UsernameTokenPasswordType
{
    /// <summary>
    /// <c>PasswordDigest</c>: Base64(SHA-1(nonce + created + password)) with a fresh random nonce and the UTC creation
    /// time, so the password itself never travels and a captured token cannot be replayed by a server that remembers nonces.
    /// </summary>
    Digest,

    /// <summary><c>PasswordText</c>: the password as it is. Use only over HTTPS.</summary>
    Text,
}
