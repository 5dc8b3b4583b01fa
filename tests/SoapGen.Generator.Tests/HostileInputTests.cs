using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// Hand-written hostile WSDLs and XSDs, one or more per category the fuzzer also tries at random: each ends within a
/// bound, crashes nothing, compiles what it generates and explains each refusal (see <see cref="HostileInput"/>).
/// </summary>
public class HostileInputTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string Long(string stem, int length) => stem + new string('x', length - stem.Length);

    [Fact]
    public void NamesPastTheIdentifierLimitAreShortenedDeterministicallyAndStayUnique()
    {
        // Two 20,000-character type names that differ only at their end, a 600-character member, a 20,000-character operation.
        var a = Long("Type", 20_000) + "A";
        var b = Long("Type", 20_000) + "B";
        var member = Long("member", 600);
        var operation = Long("operation", 20_000);
        var types = $"""
            <xsd:complexType name="{a}"><xsd:sequence><xsd:element name="{member}" type="xsd:string"/><xsd:element name="{member}2" type="tns:{b}"/></xsd:sequence></xsd:complexType>
            <xsd:complexType name="{b}"><xsd:sequence><xsd:element name="{member}" type="xsd:int"/></xsd:sequence></xsd:complexType>
            <xsd:simpleType name="{Long("Enum", 1_000)}"><xsd:restriction base="xsd:string"><xsd:enumeration value="{Long("v", 5_000)}"/><xsd:enumeration value="{Long("v", 5_000)}y"/></xsd:restriction></xsd:simpleType>
            """;
        var wsdl = TestWsdl.Service(types, "tns:" + a, "tns:" + b, operation, part: Long("part", 3_000));

        var first = HostileInput.Run("long.wsdl", wsdl);
        var second = HostileInput.Run("long.wsdl", wsdl);

        Assert.NotEmpty(first.Sources);
        Assert.Equal(first.Sources, second.Sources);
        Assert.Empty(first.GeneratorDiagnostics);
    }

    [Fact]
    public void NamesThatAreKeywordsOrCollideWithGeneratedMembersCompile()
    {
        var names = new[] { "class", "string", "object", "namespace", "return", "event", "ToString", "Equals", "GetHashCode", "GetType", "EqualityContract", "PrintMembers", "Deconstruct", "Clone", "MemberwiseClone", "Finalize", "IsOk", "Value", "value", "reader", "writer", "cancellationToken", "ct", "options", "_", "0", "__", "S", "SClient", "ISClient", "KeywordsSerializer", "Keywords" };
        var members = string.Concat(names.Select(n => $"<xsd:element name=\"{n}\" type=\"xsd:string\"/>"));
        var types = string.Concat(names.Select((n, i) => $"<xsd:complexType name=\"{n}\"><xsd:sequence>{members}</xsd:sequence></xsd:complexType>\n"))
            + $"<xsd:simpleType name=\"e\"><xsd:restriction base=\"xsd:string\">{string.Concat(names.Select(n => $"<xsd:enumeration value=\"{n}\"/>"))}</xsd:restriction></xsd:simpleType>"
            + "<xsd:complexType name=\"all\"><xsd:sequence>" + string.Concat(names.Select((n, i) => $"<xsd:element name=\"m{i}\" type=\"tns:{(n == "0" ? "e" : n)}\"/>")) + "<xsd:element name=\"en\" type=\"tns:e\"/></xsd:sequence></xsd:complexType>";
        foreach (var (operation, part) in new[] { ("class", "class"), ("ToString", "cancellationToken"), ("CreateSession", "ct"), ("Dispose", "options"), ("GetHashCode", "value"), ("op", "reader") })
        {
            var result = HostileInput.Run("keywords.wsdl", TestWsdl.Service(types, "tns:all", "tns:all", operation, part));
            Assert.Contains(result.Sources, s => s.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(80)]
    [InlineData(100_000)]
    public void DeeplyNestedTypesAreReadOrRefusedWithALimitNeverAStackOverflow(int depth)
    {
        // Anonymous types inside anonymous types: each level is an element, its complexType and a sequence.
        var open = string.Concat(Enumerable.Range(0, depth).Select(i => "<xsd:element name=\"n" + i.ToString(Invariant) + "\"><xsd:complexType><xsd:sequence>"));
        var close = string.Concat(Enumerable.Repeat("</xsd:sequence></xsd:complexType></xsd:element>", depth));
        var types = "<xsd:complexType name=\"Root\"><xsd:sequence>" + open + "<xsd:element name=\"leaf\" type=\"xsd:string\"/>" + close + "</xsd:sequence></xsd:complexType>";
        var result = HostileInput.Run("deep.wsdl", TestWsdl.Service(types, "tns:Root", "tns:Root"));

        if (depth * 3 + 5 > 256)
        {
            var refusal = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal("SOAPGEN001", refusal.Id);
            Assert.Contains("nest more than 256 levels", refusal.GetMessage(Invariant), StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(result.GeneratorDiagnostics);
        }
    }

    [Fact]
    public void DeeplyNestedXmlAnywhereIsRefusedWithALimit()
    {
        var documentation = "<documentation>" + string.Concat(Enumerable.Repeat("<a>", 50_000)) + string.Concat(Enumerable.Repeat("</a>", 50_000)) + "</documentation>";
        var result = HostileInput.Run("deep-doc.wsdl", TestWsdl.Service(string.Empty, extraDefinitions: documentation));

        Assert.Equal("SOAPGEN001", Assert.Single(result.GeneratorDiagnostics).Id);
    }

    public static IEnumerable<object[]> RecursiveSchemas() => new[]
    {
        new object[] { "self", "<xsd:complexType name=\"R\"><xsd:sequence><xsd:element name=\"self\" type=\"tns:R\"/><xsd:element name=\"many\" type=\"tns:R\" maxOccurs=\"unbounded\"/></xsd:sequence></xsd:complexType>" },
        new object[] { "mutual", "<xsd:complexType name=\"R\"><xsd:sequence><xsd:element name=\"b\" type=\"tns:B\"/></xsd:sequence></xsd:complexType><xsd:complexType name=\"B\"><xsd:sequence><xsd:element name=\"c\" type=\"tns:C\"/></xsd:sequence></xsd:complexType><xsd:complexType name=\"C\"><xsd:sequence><xsd:element name=\"r\" type=\"tns:R\"/></xsd:sequence></xsd:complexType>" },
        new object[] { "extension loop", "<xsd:complexType name=\"R\"><xsd:complexContent><xsd:extension base=\"tns:B\"><xsd:sequence><xsd:element name=\"r\" type=\"xsd:int\"/></xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType><xsd:complexType name=\"B\"><xsd:complexContent><xsd:extension base=\"tns:R\"><xsd:sequence><xsd:element name=\"b\" type=\"xsd:int\"/></xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType>" },
        new object[] { "extends itself", "<xsd:complexType name=\"R\"><xsd:complexContent><xsd:extension base=\"tns:R\"><xsd:sequence><xsd:element name=\"r\" type=\"tns:R\"/></xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType>" },
        new object[] { "restriction loop", "<xsd:complexType name=\"R\"><xsd:complexContent><xsd:restriction base=\"tns:B\"><xsd:sequence><xsd:element name=\"r\" type=\"xsd:int\"/></xsd:sequence></xsd:restriction></xsd:complexContent></xsd:complexType><xsd:complexType name=\"B\"><xsd:complexContent><xsd:restriction base=\"tns:R\"/></xsd:complexContent></xsd:complexType>" },
        new object[] { "simple content loop", "<xsd:complexType name=\"R\"><xsd:simpleContent><xsd:extension base=\"tns:B\"><xsd:attribute name=\"a\" type=\"xsd:int\"/></xsd:extension></xsd:simpleContent></xsd:complexType><xsd:complexType name=\"B\"><xsd:simpleContent><xsd:extension base=\"tns:R\"/></xsd:simpleContent></xsd:complexType>" },
        new object[] { "simple type loop", "<xsd:simpleType name=\"S1\"><xsd:restriction base=\"tns:S2\"/></xsd:simpleType><xsd:simpleType name=\"S2\"><xsd:restriction base=\"tns:S1\"/></xsd:simpleType><xsd:complexType name=\"R\"><xsd:sequence><xsd:element name=\"s\" type=\"tns:S1\"/></xsd:sequence></xsd:complexType>" },
        new object[] { "list and union of themselves", "<xsd:simpleType name=\"L\"><xsd:list itemType=\"tns:L\"/></xsd:simpleType><xsd:simpleType name=\"U\"><xsd:union memberTypes=\"tns:U tns:L\"/></xsd:simpleType><xsd:complexType name=\"R\"><xsd:sequence><xsd:element name=\"l\" type=\"tns:L\"/><xsd:element name=\"u\" type=\"tns:U\"/></xsd:sequence></xsd:complexType>" },
        new object[] { "group loop", "<xsd:group name=\"G\"><xsd:sequence><xsd:element name=\"g\" type=\"xsd:int\"/><xsd:group ref=\"tns:H\"/></xsd:sequence></xsd:group><xsd:group name=\"H\"><xsd:sequence><xsd:group ref=\"tns:G\"/></xsd:sequence></xsd:group><xsd:complexType name=\"R\"><xsd:sequence><xsd:group ref=\"tns:G\"/></xsd:sequence></xsd:complexType>" },
        new object[] { "attribute group loop", "<xsd:attributeGroup name=\"A\"><xsd:attribute name=\"a\" type=\"xsd:int\"/><xsd:attributeGroup ref=\"tns:A\"/></xsd:attributeGroup><xsd:complexType name=\"R\"><xsd:sequence/><xsd:attributeGroup ref=\"tns:A\"/></xsd:complexType>" },
        new object[] { "element ref loop", "<xsd:element name=\"e\"><xsd:complexType><xsd:sequence><xsd:element ref=\"tns:e\"/></xsd:sequence></xsd:complexType></xsd:element><xsd:complexType name=\"R\"><xsd:sequence><xsd:element ref=\"tns:e\" maxOccurs=\"unbounded\"/></xsd:sequence></xsd:complexType>" },
        new object[] { "encoded array of itself", "<xsd:complexType name=\"R\"><xsd:complexContent><xsd:restriction base=\"soapenc:Array\"><xsd:attribute ref=\"soapenc:arrayType\" wsdl:arrayType=\"tns:R[]\"/></xsd:restriction></xsd:complexContent></xsd:complexType>" },
    };

    [Theory]
    [MemberData(nameof(RecursiveSchemas))]
    public void RecursiveAndMutuallyRecursiveTypesEndAndCompile(string kind, string types)
    {
        var wsdl = TestWsdl.Service(types, "tns:R", "tns:R")
            .Replace("targetNamespace=\"urn:t\">", "targetNamespace=\"urn:t\" xmlns:soapenc=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\">");

        var result = HostileInput.Run("recursive.wsdl", wsdl);

        Assert.True(result.Sources.Count > 0, kind + ": nothing generated; " + HostileInput.Ids(result));
    }

    [Fact]
    public void AWsdlImportingItselfAndImportCyclesEnd()
    {
        var self = TestWsdl.Service(string.Empty, extraDefinitions: "<import namespace=\"urn:t\" location=\"self.wsdl\"/>\n");
        HostileInput.Run("svc/self.wsdl", self, new[] { ("svc/self.wsdl", self) });

        // a.wsdl → b.wsdl → a.wsdl, and a.xsd ⇄ b.xsd, b.xsd including itself.
        var a = TestWsdl.Service(
            "<xsd:import namespace=\"urn:a\" schemaLocation=\"a.xsd\"/>",
            "xa:A", "xa:A",
            extraDefinitions: "<import namespace=\"urn:t\" location=\"b.wsdl\"/>\n").Replace("targetNamespace=\"urn:t\">", "targetNamespace=\"urn:t\" xmlns:xa=\"urn:a\">");
        var b = "<?xml version=\"1.0\"?><definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\" targetNamespace=\"urn:t\"><import namespace=\"urn:t\" location=\"a.wsdl\"/></definitions>";
        var xa = "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:a\" xmlns:xb=\"urn:b\"><xsd:import namespace=\"urn:b\" schemaLocation=\"b.xsd\"/><xsd:complexType name=\"A\"><xsd:sequence><xsd:element name=\"b\" type=\"xb:B\"/></xsd:sequence></xsd:complexType></xsd:schema>";
        var xb = "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:b\" xmlns:xa=\"urn:a\"><xsd:import namespace=\"urn:a\" schemaLocation=\"a.xsd\"/><xsd:include schemaLocation=\"b.xsd\"/><xsd:complexType name=\"B\"><xsd:sequence><xsd:element name=\"a\" type=\"xa:A\"/></xsd:sequence></xsd:complexType></xsd:schema>";

        var result = HostileInput.Run("svc/a.wsdl", a, new[] { ("svc/b.wsdl", b), ("svc/a.xsd", xa), ("svc/b.xsd", xb) });

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains(result.Sources, s => s.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal));
    }

    public static IEnumerable<object[]> Dtds() => new[]
    {
        new object[] { "billion laughs", "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>", "&lol9;" },
        new object[] { "external entity", "<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;" },
        new object[] { "external subset", "<!DOCTYPE definitions SYSTEM \"http://127.0.0.1:9/evil.dtd\">", string.Empty },
        new object[] { "parameter entity", "<!DOCTYPE d [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]>", string.Empty },
    };

    [Theory]
    [MemberData(nameof(Dtds))]
    public void DtdsAreRefusedWithAMessageThatSaysWhatToDo(string kind, string doctype, string reference)
    {
        var wsdl = TestWsdl.Service(string.Empty, extraDefinitions: "<documentation>" + reference + "</documentation>\n")
            .Replace("<?xml version=\"1.0\"?>\n", "<?xml version=\"1.0\"?>\n" + doctype + "\n");

        var result = HostileInput.Run("dtd.wsdl", wsdl);

        var refusal = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SOAPGEN001", refusal.Id);
        Assert.Equal(1, refusal.Location.GetLineSpan().StartLinePosition.Line);
        var message = refusal.GetMessage(Invariant);
        Assert.True(message.Contains("contains a DTD", StringComparison.Ordinal) && message.Contains("Remove the DOCTYPE", StringComparison.Ordinal), kind + ": " + message);
        Assert.DoesNotContain("root:", message, StringComparison.Ordinal);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void ADtdInAnImportedSchemaIsRefusedThereWithTheSameMessage()
    {
        var wsdl = TestWsdl.Service("<xsd:import namespace=\"urn:x\" schemaLocation=\"x.xsd\"/>");
        var xsd = "<?xml version=\"1.0\"?>\n<!DOCTYPE s [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:x\">&e;</xsd:schema>";

        var result = HostileInput.Run("dtd-import.wsdl", wsdl, new[] { ("x.xsd", xsd) });

        var refusal = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "SOAPGEN001");
        Assert.Equal("x.xsd", refusal.Location.GetLineSpan().Path);
        Assert.Equal(1, refusal.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("'x.xsd' cannot be read: it contains a DTD", refusal.GetMessage(Invariant), StringComparison.Ordinal);
    }

    [Fact]
    public void ImportsOfHttpAndFileUrlsAreReportedAndNeverFetched()
    {
        // A listener stands where the http:// imports point: SoapGen must never connect to it.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(Invariant);
        var wsdl = TestWsdl.Service(
            $"<xsd:import namespace=\"urn:x\" schemaLocation=\"http://127.0.0.1:{port}/types.xsd\"/><xsd:import namespace=\"urn:y\" schemaLocation=\"file:///etc/passwd\"/><xsd:include schemaLocation=\"file:///proc/self/environ\"/>",
            extraDefinitions: $"<import namespace=\"urn:z\" location=\"http://127.0.0.1:{port}/other.wsdl\"/>\n");

        var result = HostileInput.Run("remote.wsdl", wsdl);

        Assert.False(listener.Pending(), "the generator connected to " + port);
        var notFound = result.GeneratorDiagnostics.Where(d => d.Id == "SOAPGEN011").Select(d => d.GetMessage(Invariant)).ToList();
        Assert.Equal(4, notFound.Count);
        Assert.All(notFound, m => Assert.Contains("never reads the disk or the network", m, StringComparison.Ordinal));
        Assert.Contains(result.Sources, s => s.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void TruncationAtEveryTenthCharacterIsALocatedRefusalOrCompilingCode()
    {
        var wsdl = TestWsdl.Service("<xsd:complexType name=\"R\"><xsd:sequence><xsd:element name=\"a\" type=\"xsd:int\"/></xsd:sequence></xsd:complexType>", "tns:R", "tns:R");
        for (var length = 0; length < wsdl.Length; length += wsdl.Length / 10)
        {
            var result = HostileInput.Run("cut.wsdl", wsdl.Substring(0, length));
            Assert.Contains(result.GeneratorDiagnostics, d => d.Id is "SOAPGEN001" or "SOAPGEN002");
        }
    }
}
