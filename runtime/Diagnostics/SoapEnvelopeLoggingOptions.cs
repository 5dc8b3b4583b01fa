using System;
using System.Collections.Generic;

namespace SoapGen.Runtime;

/// <summary>What the envelope-logging step redacts and how much it keeps.</summary>
public sealed class SoapEnvelopeLoggingOptions
{
    /// <summary>The longest envelope text handed to the log, in characters (default 16,384); the rest is cut.</summary>
    public int MaxCharacters { get; set; } = 16_384;

    /// <summary>
    /// Element and attribute names whose whole content is replaced by <c>***</c>, compared ignoring case, <c>_</c> and
    /// <c>-</c>: by default <c>key</c>, <c>sid</c>, <c>session</c>, <c>nonce</c>, <c>authenticate</c> (SoftLayer's
    /// credentials header), <c>authorization</c>, <c>pin</c>, <c>pass</c>. The same defaults decide which values a
    /// request carried are masked in exception messages.
    /// </summary>
    public ISet<string> RedactedNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "key", "sid", "session", "nonce", "authenticate", "authorization", "pin", "pass",
    };

    /// <summary>
    /// Name parts that make an element or attribute redacted wherever they occur in its name (compared the same way): by
    /// default <c>password</c>, <c>passwd</c>, <c>pwd</c>, <c>secret</c>, <c>token</c> (WS-Security's <c>UsernameToken</c>
    /// whole), <c>apikey</c>, <c>authkey</c>, <c>privatekey</c>, <c>sessionid</c>, <c>credential</c>.
    /// </summary>
    public ISet<string> RedactedNameParts { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pwd", "secret", "token", "apikey", "authkey", "privatekey", "sessionid", "credential",
    };

    /// <summary>
    /// Operations whose reply has every text value redacted, because its payload is the session token itself
    /// (InterServer's <c>api_login</c> returns the <c>sid</c> as a plain <c>return</c>). By default: names containing
    /// <c>login</c>, <c>logon</c>, <c>signin</c> or <c>authenticate</c>, ignoring case, <c>_</c> and <c>-</c>.
    /// </summary>
    public Func<SoapOperation, bool> RedactWholeReply { get; set; } = static operation => IsLoginName(operation.Name);

    private static bool IsLoginName(string name)
    {
        string n = EnvelopeRedactor.Normalize(name);
        return n.Contains("login", StringComparison.Ordinal) || n.Contains("logon", StringComparison.Ordinal)
            || n.Contains("signin", StringComparison.Ordinal) || n.Contains("authenticate", StringComparison.Ordinal);
    }
}
