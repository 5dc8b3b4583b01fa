using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;

namespace SoapGen.Runtime;

/// <summary>
/// The credential values a request carried (elements named like a password, an API key, a token or a session id, in
/// the body or a header), so an exception message built from the reply can hide them when a server echoes them back.
/// Collected only when a message is built: the request is parsed again on the error path, never on a successful call.
/// </summary>
internal sealed class RequestSecrets
{
    private const string Mask = "***";

    // Shorter values are not masked: replacing "ab" everywhere would garble a message and protect little.
    private const int MinLength = 4;

    // The names envelope logging redacts by default: one list of what counts as a credential.
    private static readonly SoapEnvelopeLoggingOptions CredentialNames = new();

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private readonly byte[] _envelope;
    private readonly int _length;
    private string[]? _values;

    public RequestSecrets(byte[] envelope, int length)
    {
        _envelope = envelope;
        _length = length;
    }

    public string Redact(string text)
    {
        foreach (string value in _values ??= Collect())
        {
            text = text.Replace(value, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    public static bool IsSensitiveName(string localName) => EnvelopeRedactor.IsSensitive(localName, CredentialNames);

    private string[] Collect()
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using XmlReader reader = XmlReader.Create(new MemoryStream(_envelope, 0, _length, writable: false), Settings);

            // The depth of the outermost sensitive element we are inside, or -1: its whole text content is secret.
            int sensitiveDepth = -1;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when sensitiveDepth < 0 && IsSensitiveName(reader.LocalName) && !reader.IsEmptyElement:
                        sensitiveDepth = reader.Depth;
                        break;
                    case XmlNodeType.EndElement when reader.Depth == sensitiveDepth:
                        sensitiveDepth = -1;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA when sensitiveDepth >= 0:
                        string value = reader.Value.Trim();
                        if (value.Length >= MinLength)
                        {
                            values.Add(value);
                        }

                        break;
                }
            }
        }
        catch (XmlException)
        {
            // We wrote this envelope; should it not parse, hiding what was found so far is the best we can do.
        }

        // Longest first, so a secret that contains another is masked whole.
        string[] result = [.. values];
        Array.Sort(result, (a, b) => b.Length.CompareTo(a.Length));
        return result;
    }
}
