using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace SoapGen.Runtime.Tests;

/// <summary>
/// The WS-Security UsernameToken header on the wire: the OASIS digest recomputed here from what was sent, a fresh nonce
/// per request, UTC times, the optional Timestamp, mustUnderstand, and no password in ToString.
/// (tests/SoapGen.Interop.Tests/UsernameTokenTests checks it against a PHP server that verifies it.)
/// </summary>
public class UsernameTokenTests
{
    private static readonly XNamespace Wsse = UsernameTokenHeader.SecurityNamespace;
    private static readonly XNamespace Wsu = UsernameTokenHeader.UtilityNamespace;
    private const string Profile = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0";

    private static async Task<XElement[]> SecurityHeadersSent(SoapClientOptions options, int calls, SoapVersion version = SoapVersion.Soap11)
    {
        string reply = version == SoapVersion.Soap12 ? Soap.Envelope12("<r><return>ok</return></r>") : Soap.Envelope11("<r><return>ok</return></r>");
        var handler = FakeHandler.Always(() => FakeHandler.Reply(reply, version == SoapVersion.Soap12 ? "application/soap+xml" : "text/xml"));
        var transport = new SoapTransport(new System.Net.Http.HttpClient(handler), Soap.Endpoint, version, options.MaxReplyBytes, options.Steps, options.Headers);
        var op = new SoapOperation<string?, string?>("echo", null, version, static (w, _) => Soap.WriteEcho(w), Soap.ReadReturnString);
        for (int i = 0; i < calls; i++)
        {
            await transport.InvokeAsync(op, null, null, CancellationToken.None);
        }

        return handler.Requests.Select(r => XElement.Parse(r.BodyText).Descendants(Wsse + "Security").Single()).ToArray();
    }

    [Fact]
    public async Task TheDigestIsBase64OfSha1OfNonceCreatedAndPasswordWithAFreshNoncePerRequest()
    {
        DateTime before = DateTime.UtcNow.AddSeconds(-1);
        XElement[] sent = await SecurityHeadersSent(new SoapClientOptions().UseUsernameToken("alice", "pässword-1"), calls: 3);
        DateTime after = DateTime.UtcNow.AddSeconds(1);

        foreach (XElement security in sent)
        {
            Assert.Equal("1", (string?)security.Attribute(XName.Get("mustUnderstand", Soap.Env11)));
            XElement token = security.Element(Wsse + "UsernameToken")!;
            Assert.Equal("alice", token.Element(Wsse + "Username")!.Value);
            XElement password = token.Element(Wsse + "Password")!;
            Assert.Equal(Profile + "#PasswordDigest", (string?)password.Attribute("Type"));
            byte[] nonce = Convert.FromBase64String(token.Element(Wsse + "Nonce")!.Value);
            Assert.Equal(16, nonce.Length);
            string created = token.Element(Wsu + "Created")!.Value;
            Assert.EndsWith("Z", created, StringComparison.Ordinal);
            DateTime createdTime = DateTime.Parse(created, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            Assert.InRange(createdTime, before, after);

            // The profile's formula, recomputed from the wire: Base64(SHA-1(nonce + created + password)), UTF-8.
            byte[] input = [.. nonce, .. Encoding.UTF8.GetBytes(created), .. Encoding.UTF8.GetBytes("pässword-1")];
            Assert.Equal(Convert.ToBase64String(SHA1.HashData(input)), password.Value);
            Assert.DoesNotContain("pässword-1", security.ToString(), StringComparison.Ordinal);
            Assert.Null(security.Element(Wsu + "Timestamp"));
        }

        Assert.Equal(3, sent.Select(s => s.Descendants(Wsse + "Nonce").Single().Value).Distinct().Count());
    }

    [Fact]
    public async Task PasswordTextSendsThePasswordAsItIsAndNoNonce()
    {
        XElement security = Assert.Single(await SecurityHeadersSent(new SoapClientOptions().UseUsernameToken("bob", "plain&<pw>", UsernameTokenPasswordType.Text), calls: 1));
        XElement token = security.Element(Wsse + "UsernameToken")!;
        Assert.Equal(Profile + "#PasswordText", (string?)token.Element(Wsse + "Password")!.Attribute("Type"));
        Assert.Equal("plain&<pw>", token.Element(Wsse + "Password")!.Value);
        Assert.Null(token.Element(Wsse + "Nonce"));
        Assert.NotNull(token.Element(Wsu + "Created"));
    }

    [Fact]
    public async Task ATimestampExpiresItsLifetimeAfterItsCreationAndSoap12SaysMustUnderstandTrue()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(2)));
        var options = new SoapClientOptions();
        options.Headers.Add(new UsernameTokenHeader("carol", "pw", UsernameTokenPasswordType.Digest, TimeSpan.FromMinutes(5), clock));

        XElement security = Assert.Single(await SecurityHeadersSent(options, calls: 1, SoapVersion.Soap12));
        Assert.Equal("true", (string?)security.Attribute(XName.Get("mustUnderstand", Soap.Env12)));
        XElement timestamp = security.Element(Wsu + "Timestamp")!;
        Assert.Equal("2026-03-04T03:06:07.890Z", timestamp.Element(Wsu + "Created")!.Value);
        Assert.Equal("2026-03-04T03:11:07.890Z", timestamp.Element(Wsu + "Expires")!.Value);
        Assert.Equal("2026-03-04T03:06:07.890Z", security.Element(Wsse + "UsernameToken")!.Element(Wsu + "Created")!.Value);
    }

    [Fact]
    public void ToStringNamesTheHeaderOnly()
    {
        var header = new UsernameTokenHeader("dave", "s3cr3t-pw");
        Assert.Equal("{" + UsernameTokenHeader.SecurityNamespace + "}Security", header.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new UsernameTokenHeader("u", "p", timestampLifetime: TimeSpan.Zero));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
