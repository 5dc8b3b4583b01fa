using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SoapGen.Runtime;

/// <summary>
/// The WS-Security 1.0 <c>Security</c> header with a <c>UsernameToken</c> (OASIS Username Token Profile 1.0) and, if
/// asked, a <c>Timestamp</c>. A fresh nonce and creation time are made each time the header is written, so every
/// request (a retry included) carries its own. Add it with <see cref="SoapClientOptions.UseUsernameToken"/>.
/// Neither the password nor a digest ever appears in <see cref="SoapHeader.ToString"/>.
/// </summary>
public sealed class UsernameTokenHeader : SoapHeader
{
    /// <summary>The WS-Security 1.0 extension namespace (<c>wsse</c>).</summary>
    public const string SecurityNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    /// <summary>The WS-Security 1.0 utility namespace (<c>wsu</c>).</summary>
    public const string UtilityNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private const string ProfileNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0";
    private const string Base64Binary = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";
    private const int NonceBytes = 16;

    private readonly string _username;
    private readonly string _password;
    private readonly UsernameTokenPasswordType _passwordType;
    private readonly TimeSpan? _timestampLifetime;
    private readonly TimeProvider _clock;

    /// <summary>Creates the header.</summary>
    /// <param name="username">The user name.</param>
    /// <param name="password">The password.</param>
    /// <param name="passwordType">Digest (the default) or text.</param>
    /// <param name="timestampLifetime">
    /// When set, a <c>wsu:Timestamp</c> with <c>Created</c> now and <c>Expires</c> this much later is sent as well.
    /// </param>
    /// <param name="clock">The clock for <c>Created</c> and <c>Expires</c>; <see langword="null"/> for the system clock.</param>
    public UsernameTokenHeader(
        string username,
        string password,
        UsernameTokenPasswordType passwordType = UsernameTokenPasswordType.Digest,
        TimeSpan? timestampLifetime = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        if (passwordType is not (UsernameTokenPasswordType.Digest or UsernameTokenPasswordType.Text))
        {
            throw new ArgumentOutOfRangeException(nameof(passwordType));
        }

        if (timestampLifetime is { } lifetime && lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timestampLifetime), "The timestamp's lifetime must be positive.");
        }

        _username = username;
        _password = password;
        _passwordType = passwordType;
        _timestampLifetime = timestampLifetime;
        _clock = clock ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public override string LocalName => "Security";

    /// <inheritdoc/>
    public override string? Namespace => SecurityNamespace;

    /// <summary>Base64(SHA-1(nonce + created + password)), the profile's <c>PasswordDigest</c>; created as written on the wire.</summary>
    internal static string Digest(byte[] nonce, string created, string password)
    {
        byte[] createdBytes = Encoding.UTF8.GetBytes(created);
        byte[] passwordBytes = Encoding.UTF8.GetBytes(password);
        byte[] input = new byte[nonce.Length + createdBytes.Length + passwordBytes.Length];
        nonce.CopyTo(input, 0);
        createdBytes.CopyTo(input, nonce.Length);
        passwordBytes.CopyTo(input, nonce.Length + createdBytes.Length);

        // SHA-1 because the profile says so; the nonce and created make each digest single-use.
#pragma warning disable CA5350
        string digest = Convert.ToBase64String(SHA1.HashData(input));
#pragma warning restore CA5350
        CryptographicOperations.ZeroMemory(passwordBytes);
        CryptographicOperations.ZeroMemory(input);
        return digest;
    }

    /// <inheritdoc/>
    public override void Write(SoapWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        DateTimeOffset now = _clock.GetUtcNow();
        string created = Utc(now);
        var xml = writer.XmlWriter;

        // The receiver must process the header or fault: a server that ignores WS-Security must not run the call anyway.
        writer.SetHeaderAttributes(mustUnderstand: true, actor: null);
        writer.WriteStartElement("Security", SecurityNamespace);
        xml.WriteAttributeString("xmlns", "wsu", "http://www.w3.org/2000/xmlns/", UtilityNamespace);
        if (_timestampLifetime is { } lifetime)
        {
            xml.WriteStartElement("Timestamp", UtilityNamespace);
            xml.WriteElementString("Created", UtilityNamespace, created);
            xml.WriteElementString("Expires", UtilityNamespace, Utc(now + lifetime));
            xml.WriteEndElement();
        }

        xml.WriteStartElement("UsernameToken", SecurityNamespace);
        xml.WriteElementString("Username", SecurityNamespace, _username);
        xml.WriteStartElement("Password", SecurityNamespace);
        if (_passwordType == UsernameTokenPasswordType.Digest)
        {
            byte[] nonce = RandomNumberGenerator.GetBytes(NonceBytes);
            xml.WriteAttributeString("Type", ProfileNamespace + "#PasswordDigest");
            xml.WriteString(Digest(nonce, created, _password));
            xml.WriteEndElement();
            xml.WriteStartElement("Nonce", SecurityNamespace);
            xml.WriteAttributeString("EncodingType", Base64Binary);
            xml.WriteString(Convert.ToBase64String(nonce));
            xml.WriteEndElement();
        }
        else
        {
            xml.WriteAttributeString("Type", ProfileNamespace + "#PasswordText");
            xml.WriteString(_password);
            xml.WriteEndElement();
        }

        xml.WriteElementString("Created", UtilityNamespace, created);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    // xsd:dateTime in UTC with a Z and whole milliseconds, the form the profile's examples and WCF use.
    private static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
