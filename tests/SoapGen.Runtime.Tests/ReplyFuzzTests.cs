using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using SoapGen.Benchmarks;
using Xunit.Abstractions;

namespace SoapGen.Runtime.Tests;

/// <summary>
/// Mutates real replies (PHP ext/soap-shaped canned replies, faults, multi-ref and SOAP 1.2 replies) and reads each
/// through the transport: only the documented exceptions may escape (SoapProtocolException, SoapFaultException), with
/// bounded messages, and the client keeps working. Fixed seed, bounded case count; a longer run:
/// <c>SOAPGEN_REPLY_FUZZ_CASES=200000 SOAPGEN_REPLY_FUZZ_SEED=7 dotnet test tests/SoapGen.Runtime.Tests --filter ReplyFuzzTests</c>.
/// </summary>
public class ReplyFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCases = 3000;
    private const int DefaultSeed = 20261201;

    private static readonly string[] Seeds =
    [
        .. CannedReplies.Bodies.Keys.Select(op => CannedReplies.Envelope(op, Encoding.UTF8)),
        Soap.Envelope11("<SOAP-ENV:Fault><faultactor>urn:a</faultactor><faultcode>SOAP-ENV:Server</faultcode><faultstring>Invalid session</faultstring>" +
            "<detail><ns1:e xmlns:ns1=\"urn:myapi\"><code xsi:type=\"xsd:int\">7</code></ns1:e></detail></SOAP-ENV:Fault>"),
        Soap.Envelope11("<ns1:r xmlns:ns1=\"urn:myapi\"><return href=\"#id1\"/></ns1:r>" +
            "<multiRef id=\"id1\" xsi:type=\"ns1:pair\"><a xsi:type=\"xsd:string\">x</a><b href=\"#id2\"/></multiRef><multiRef id=\"id2\" xsi:type=\"xsd:int\">5</multiRef>"),
        Soap.Envelope12("<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>x:Bad</env:Value></env:Subcode></env:Code>" +
            "<env:Reason><env:Text xml:lang=\"en\">bad</env:Text></env:Reason><env:Detail><d>1</d></env:Detail></env:Fault>"),
        Soap.Envelope11("<ns1:r xmlns:ns1=\"urn:myapi\"><return SOAP-ENC:arrayType=\"xsd:int[2,2]\" xsi:type=\"SOAP-ENC:Array\">" +
            "<item xsi:type=\"xsd:boolean\">true</item><item xsi:type=\"xsd:double\">-INF</item><item xsi:type=\"xsd:dateTime\">2024-01-15T10:30:00Z</item>" +
            "<item xsi:type=\"xsd:base64Binary\">AAEC</item></return></ns1:r>"),
    ];

    private static readonly string[] Tokens =
    [
        "<", ">", "&", "\"", "'", "]]>", "<![CDATA[", "&amp;", "&#0;", "&#xD800;", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;",
        " href=\"#id1\"", " href=\"#id2\"", " id=\"id1\"", " xsi:nil=\"true\"", " xsi:nil=\"maybe\"", " xsi:type=\"xsd:int\"", " xsi:type=\"ns9:x\"",
        " SOAP-ENC:arrayType=\"xsd:int[2147483647]\"", " SOAP-ENC:arrayType=\"xsd:int[-1,3]\"", " SOAP-ENC:arrayType=\"[\"", " xmlns:ns1=\"\"",
        "<a><a><a><a>", "</a>", "99999999999999999999", "maybe", "NaN", "-0", "1e400", "<SOAP-ENV:Fault>", "</SOAP-ENV:Body>", "<SOAP-ENV:Body>",
        "<?xml version=\"1.0\"?>", "<!-- x -->", "\u00e9", "\uFFFD", "\t", "\r\n",
    ];

    private static readonly string?[] ContentTypes =
        ["text/xml; charset=utf-8", "text/xml; charset=ISO-8859-1", "text/xml", null, "application/soap+xml; charset=utf-16", "text/html", "text/xml; charset=\"", "text/xml; charset=x-bogus"];

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out int value) && value > 0 ? value : fallback;

    [Fact]
    public async Task Mutated_replies_raise_only_documented_exceptions()
    {
        int cases = Setting("SOAPGEN_REPLY_FUZZ_CASES", DefaultCases);
        int seed = Setting("SOAPGEN_REPLY_FUZZ_SEED", DefaultSeed);
        var random = new Random(seed);
        byte[] current = [];
        string? contentType = null;
        HttpStatusCode status = HttpStatusCode.OK;
        var handler = new FakeHandler(_ => FakeHandler.Reply(current, contentType, status));
        var options = new SoapClientOptions();
        var transport11 = new SoapTransport(new HttpClient(handler), Soap.Endpoint, SoapVersion.Soap11, options);
        var transport12 = new SoapTransport(new HttpClient(handler), Soap.Endpoint, SoapVersion.Soap12, options);
        var outcomes = new Dictionary<string, int>();

        for (int i = 0; i < cases; i++)
        {
            string seedText = Seeds[random.Next(Seeds.Length)];
            current = Mutate(Encoding.UTF8.GetBytes(seedText), random);
            // Mostly what the seed came with, so mutations reach the readers rather than stopping at the charset.
            contentType = random.Next(4) == 0 ? ContentTypes[random.Next(ContentTypes.Length)] : ContentTypes[0];
            status = random.Next(10) == 0 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK;
            SoapTransport transport = seedText.Contains(Soap.Env12, StringComparison.Ordinal) ? transport12 : transport11;
            string outcome;
            try
            {
                await transport.InvokeAsync("echo", "a", Soap.WriteEcho, r => ReadAny(r, 0), CancellationToken.None);
                outcome = "read";
            }
            catch (SoapException ex) when (ex is SoapProtocolException or SoapFaultException)
            {
                Assert.True(ex.Message.Length < 4096, "case " + i + " (seed " + seed + "): message of " + ex.Message.Length + " characters");
                outcome = ex.GetType().Name;
            }
            catch (Exception ex)
            {
                Assert.Fail("case " + i + " (seed " + seed + "): " + ex.GetType() + " escaped: " + ex.Message + "\nreply: " +
                    Encoding.UTF8.GetString(current, 0, Math.Min(current.Length, 2000)) + "\n" + ex.StackTrace);
                throw;
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        output.WriteLine(cases + " cases, seed " + seed + ": " + string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => o.Key + " " + o.Value)));

        // The fuzzer must reach both sides: replies that still read and ones that are rejected.
        Assert.True(outcomes.GetValueOrDefault("read") > 0, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault(nameof(SoapProtocolException)) > 0, string.Join(", ", outcomes));
    }

    private static readonly string[] Values =
        ["", " ", "abc", "-1", "99999999999999999999", "maybe", "1.5e9999", "NaN", "2024-13-45T99:99:99", "!!notbase64", "p:q", "ns9:x", "<x/>", "<x>1</x><y/>",
            "&lt;", "é中", new string('9', 5000)];

    private static byte[] Mutate(byte[] bytes, Random random) =>
        random.Next(2) == 0 ? MutateValues(Encoding.UTF8.GetString(bytes), random) : MutateBytes(bytes, random);

    // Keeps the XML well-formed (mostly) and changes what it says: text values, attribute values, whole elements.
    private static byte[] MutateValues(string text, Random random)
    {
        int mutations = 1 + random.Next(3);
        for (int m = 0; m < mutations; m++)
        {
            int at = random.Next(text.Length);
            switch (random.Next(3))
            {
                case 0:
                    // The text between a '>' and the next '<'.
                    int start = text.IndexOf('>', at);
                    int end = start < 0 ? -1 : text.IndexOf('<', start);
                    if (end > start)
                    {
                        text = text[..(start + 1)] + Values[random.Next(Values.Length)] + text[end..];
                    }

                    break;
                case 1:
                    // An attribute value.
                    int quote = text.IndexOf("=\"", at, StringComparison.Ordinal);
                    int close = quote < 0 ? -1 : text.IndexOf('"', quote + 2);
                    if (close > quote)
                    {
                        text = text[..(quote + 2)] + Values[random.Next(Values.Length)].Replace("\"", "", StringComparison.Ordinal).Replace("<", "", StringComparison.Ordinal) + text[close..];
                    }

                    break;
                default:
                    // Drop an element's start and end tags, keeping its content (or the reverse: a wrapper around it).
                    int open = text.IndexOf('<', at);
                    int gt = open < 0 ? -1 : text.IndexOf('>', open);
                    if (gt > open)
                    {
                        text = random.Next(2) == 0 ? text[..open] + text[(gt + 1)..] : text[..open] + "<w>" + text[open..(gt + 1)] + "</w>" + text[(gt + 1)..];
                    }

                    break;
            }
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private static byte[] MutateBytes(byte[] bytes, Random random)
    {
        var data = new List<byte>(bytes);
        int mutations = 1 + random.Next(3);
        for (int m = 0; m < mutations && data.Count > 0; m++)
        {
            int at = random.Next(data.Count);
            int length = Math.Min(data.Count - at, 1 + random.Next(40));
            switch (random.Next(8))
            {
                case 0:
                    data[at] = (byte)random.Next(256);
                    break;
                case 1:
                    data.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 2:
                    data.RemoveRange(at, length);
                    break;
                case 3:
                    data.InsertRange(at, data.GetRange(at, length));
                    break;
                case 4:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 5:
                    int other = random.Next(data.Count - length + 1);
                    List<byte> chunk = data.GetRange(at, length);
                    data.RemoveRange(at, length);
                    data.InsertRange(Math.Min(other, data.Count), chunk);
                    break;
                case 6:
                    data.InsertRange(at, [0xC3, 0x28, 0xFF, 0xFE]);
                    break;
                default:
                    // A structural copy: a whole element (or what looks like one) repeated.
                    int open = data.IndexOf((byte)'<', at);
                    if (open >= 0)
                    {
                        int close = data.IndexOf((byte)'>', open);
                        if (close > open)
                        {
                            data.InsertRange(open, data.GetRange(open, close - open + 1));
                        }
                    }

                    break;
            }
        }

        return [.. data];
    }

    // Reads any shape as generated code would, choosing the reader by xsi:type and arrayType.
    private static object? ReadAny(SoapReader r, int depth)
    {
        if (r.XmlReader.NodeType != XmlNodeType.Element)
        {
            return null;
        }

        if (r.ReadAttribute("arrayType", Soap.Enc11) is { } arrayType)
        {
            return arrayType.Contains(',', StringComparison.Ordinal) ? r.ReadArray2D(i => ReadAny(i, depth + 1)) : r.ReadArray(i => ReadAny(i, depth + 1));
        }

        if (r.TryGetXsiType(out string type, out _))
        {
            switch (type)
            {
                case "int": return r.ReadInt32();
                case "float": return r.ReadSingle();
                case "double": return r.ReadDouble();
                case "boolean": return r.ReadBoolean();
                case "string": return r.ReadString();
                case "dateTime": return r.ReadDateTime();
                case "base64Binary": return r.ReadBase64();
                case "QName": return r.ReadQName();
            }
        }

        if (r.LocalName is "detail" or "Detail" or "e")
        {
            return r.ReadXElement();
        }

        var members = new List<object?>();
        if (r.ReadStartStruct())
        {
            while (r.ReadNextChild())
            {
                members.Add(ReadAny(r, depth + 1));
            }
        }

        return members;
    }
}
