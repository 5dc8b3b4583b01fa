using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace SoapGen.Interop.Tests;

/// <summary>
/// The SoapCore test service (tests/servers/soapcore): its saved WSDLs are what it serves now and are self-contained
/// document/literal WSDL 1.1; hand-written SOAP 1.1 and 1.2 envelopes get the documented replies and faults.
/// </summary>
public sealed class SoapCoreWsdlTests(SoapCoreServer server) : IClassFixture<SoapCoreServer>
{
    private const string ActionBase = "http://soapgen.test/soapcore/EchoService/";

    private static readonly XNamespace Tns = SoapCoreServer.ServiceNamespace;
    private static readonly XNamespace Soap11Env = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Soap12Env = "http://www.w3.org/2003/05/soap-envelope";
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace WsdlSoap11 = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace WsdlSoap12 = "http://schemas.xmlsoap.org/wsdl/soap12/";
    private static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static TheoryData<string, string> SavedWsdls => new()
    {
        { "soapcore11.wsdl", "/soap11.asmx" },
        { "soapcore12.wsdl", "/soap12.asmx" },
    };

    public static TheoryData<string> Versions => new() { "1.1", "1.2" };

    [Theory]
    [MemberData(nameof(SavedWsdls))]
    public async Task TheSavedWsdlIsWhatTheServerServes(string file, string path)
    {
        string served = await server.FetchWsdlAsync(path);
        string savedPath = SoapCoreServer.SavedWsdlPath(file);
        Assert.True(File.Exists(savedPath), $"wsdl/soapcore/{file} is missing; create it with {SoapCoreServer.RefreshCommand}");
        string saved = File.ReadAllText(savedPath).Replace("\r\n", "\n", StringComparison.Ordinal);

        if (saved != served)
        {
            string[] a = saved.Split('\n');
            string[] b = served.Split('\n');
            int line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
            Assert.Fail(
                $"wsdl/soapcore/{file} differs from what {path}?wsdl serves now (first at line {line + 1}:\n" +
                $"  saved:  {(line < a.Length ? a[line].Trim() : "<end>")}\n  served: {(line < b.Length ? b[line].Trim() : "<end>")}).\n" +
                $"Refresh it with {SoapCoreServer.RefreshCommand}");
        }
    }

    [Theory]
    [MemberData(nameof(SavedWsdls))]
    public void TheSavedWsdlIsSelfContainedDocumentLiteral(string file, string path)
    {
        XDocument wsdl = XDocument.Load(SoapCoreServer.SavedWsdlPath(file));
        XElement definitions = wsdl.Root!;
        Assert.Equal(Wsdl + "definitions", definitions.Name);
        Assert.Equal(Tns.NamespaceName, (string?)definitions.Attribute("targetNamespace"));

        // Every schema compiles on its own: no import or include of anything outside the WSDL.
        var schemas = new XmlSchemaSet();
        var errors = new List<string>();
        schemas.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        foreach (XElement schema in definitions.Element(Wsdl + "types")!.Elements(Xsd + "schema"))
        {
            Assert.DoesNotContain(schema.Descendants(), e => (e.Name == Xsd + "import" || e.Name == Xsd + "include") && e.Attribute("schemaLocation") is not null);
            schemas.Add(XmlSchema.Read(WithInScopeNamespaces(schema).CreateReader(), (_, e) => errors.Add(e.Message))!);
        }

        schemas.Compile();
        Assert.Empty(errors);

        // Each message part names a global element of those schemas (document style: element=, not type=).
        foreach (XElement part in definitions.Elements(Wsdl + "message").Elements(Wsdl + "part"))
        {
            XName element = Resolve(part, (string?)part.Attribute("element") ?? throw new InvalidOperationException($"part without element= in {file}"));
            Assert.True(schemas.GlobalElements.Contains(new XmlQualifiedName(element.LocalName, element.NamespaceName)), $"{file}: no global element {element}");
        }

        XNamespace soap = file.Contains("12", StringComparison.Ordinal) ? WsdlSoap12 : WsdlSoap11;
        XElement binding = Assert.Single(definitions.Elements(Wsdl + "binding"));
        Assert.Equal("http://schemas.xmlsoap.org/soap/http", (string?)binding.Element(soap + "binding")?.Attribute("transport"));
        // No style on soap:binding means document (WSDL 1.1 §3.3); SoapCore says it on every operation.
        Assert.Null(binding.Element(soap + "binding")?.Attribute("style"));
        Assert.All(binding.Elements(Wsdl + "operation"), op => Assert.Equal("document", (string?)op.Element(soap + "operation")?.Attribute("style")));
        Assert.All(binding.Descendants(soap + "body"), body => Assert.Equal("literal", (string?)body.Attribute("use")));
        Assert.Equal(18, binding.Elements(Wsdl + "operation").Count());

        XElement address = definitions.Element(Wsdl + "service")!.Element(Wsdl + "port")!.Element(soap + "address")!;
        Assert.Equal("http://localhost" + path, (string?)address.Attribute("location"));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task AnEchoComesBackOverBothVersions(string version)
    {
        const string text = "héllo & <ok> ";

        (HttpStatusCode status, XElement body) = await PostAsync(version, "EchoString", new XElement(Tns + "EchoString", new XElement(Tns + "value", text)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(text, body.Element(Tns + "EchoStringResponse")?.Element(Tns + "EchoStringResult")?.Value);
    }

    [Fact]
    public async Task ScalarsComeBackAsOneStruct()
    {
        var request = new XElement(
            Tns + "EchoScalars",
            new XElement(Tns + "int32", "-5"),
            new XElement(Tns + "int64", "9007199254740993"),
            new XElement(Tns + "int16", "-32768"),
            new XElement(Tns + "uint8", "255"),
            new XElement(Tns + "flag", "true"),
            new XElement(Tns + "single", "1.5"),
            new XElement(Tns + "dbl", "3.14159"),
            new XElement(Tns + "money", "12345.6789"));

        (HttpStatusCode status, XElement body) = await PostAsync("1.2", "EchoScalars", request);

        Assert.Equal(HttpStatusCode.OK, status);
        XElement result = body.Element(Tns + "EchoScalarsResponse")!.Element(Tns + "EchoScalarsResult")!;
        Assert.Equal(
            ["-5", "9007199254740993", "-32768", "255", "true", "1.5", "3.14159", "12345.6789"],
            new[] { "Int32", "Int64", "Int16", "UInt8", "Flag", "Single", "Double", "Money" }.Select(n => result.Element(Tns + n)?.Value));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task FailIsAFaultWithoutDetail(string version)
    {
        (HttpStatusCode status, XElement body) = await PostAsync(version, "Fail", new XElement(Tns + "Fail", new XElement(Tns + "reason", "because")));

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        (XName code, string reason, XElement? detail) = ReadFault(version, body);
        Assert.Equal(version == "1.1" ? Soap11Env + "Client" : Soap12Env + "Sender", code);
        Assert.Equal("Refused: because", reason);
        Assert.Null(detail);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task DivideByZeroIsAFaultWithTheDeclaredDetail(string version)
    {
        (HttpStatusCode ok, XElement quotient) = await PostAsync(version, "Divide", Divide(7, 2));
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("3", quotient.Element(Tns + "DivideResponse")?.Element(Tns + "DivideResult")?.Value);

        (HttpStatusCode status, XElement body) = await PostAsync(version, "Divide", Divide(7, 0));

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        (XName code, string reason, XElement? detail) = ReadFault(version, body);
        Assert.Equal(version == "1.1" ? Soap11Env + "Client" : Soap12Env + "Sender", code);
        Assert.Equal("Division by zero", reason);
        // The element the WSDL declares for the DivideFault fault message (tns:DivideFault).
        XElement fault = Assert.Single(detail!.Elements());
        Assert.Equal(Tns + "DivideFault", fault.Name);
        Assert.Equal("7", fault.Element(Tns + "Dividend")?.Value);
        Assert.Equal("cannot divide 7 by zero", fault.Element(Tns + "Message")?.Value);
    }

    [Fact]
    public async Task TheBareOperationHasNoWrapper()
    {
        var ticket = new XElement(Tns + "Ticket", new XElement(Tns + "Title", "Broken"), new XElement(Tns + "Priority", "2"), new XElement(Tns + "Status", "in-progress"));

        (HttpStatusCode status, XElement body) = await PostAsync("1.1", "SubmitTicket", ticket);

        Assert.Equal(HttpStatusCode.OK, status);
        XElement receipt = Assert.Single(body.Elements());
        Assert.Equal(Tns + "Receipt", receipt.Name);
        Assert.Equal("T-2", receipt.Element(Tns + "TicketId")?.Value);
        Assert.Equal("Broken", receipt.Element(Tns + "Summary")?.Value);
        Assert.Equal("in-progress", receipt.Element(Tns + "Status")?.Value);
    }

    [Fact]
    public async Task DerivedTypesTravelWithXsiType()
    {
        var square = new XElement(
            Tns + "shape",
            new XAttribute(XNamespace.Xmlns + "t", Tns.NamespaceName),
            new XAttribute(Xsi + "type", "t:Square"),
            new XElement(Tns + "Name", "sq"),
            new XElement(Tns + "Width", "2"),
            new XElement(Tns + "Height", "2.5"),
            new XElement(Tns + "Rotated", "true"));

        (_, XElement described) = await PostAsync("1.2", "DescribeShape", new XElement(Tns + "DescribeShape", square));
        Assert.Equal("Square sq 2x2.5 rotated=True", described.Element(Tns + "DescribeShapeResponse")?.Element(Tns + "DescribeShapeResult")?.Value);

        square.Name = Tns + "Highlight";
        var drawing = new XElement(Tns + "EchoDrawing", new XElement(Tns + "drawing", new XElement(Tns + "Title", "d"), square));
        (_, XElement echoed) = await PostAsync("1.1", "EchoDrawing", drawing);

        XElement highlight = echoed.Element(Tns + "EchoDrawingResponse")!.Element(Tns + "EchoDrawingResult")!.Element(Tns + "Highlight")!;
        Assert.Equal(Tns + "Square", Resolve(highlight, (string)highlight.Attribute(Xsi + "type")!));
        Assert.Equal("true", highlight.Element(Tns + "Rotated")?.Value);
    }

    private static XElement Divide(int a, int b) => new(Tns + "Divide", new XElement(Tns + "a", a), new XElement(Tns + "b", b));

    /// <summary>POSTs one body element in a SOAP envelope of <paramref name="version"/>; returns the status and the reply's Body.</summary>
    private async Task<(HttpStatusCode Status, XElement Body)> PostAsync(string version, string operation, XElement payload)
    {
        bool soap11 = version == "1.1";
        XNamespace env = soap11 ? Soap11Env : Soap12Env;
        var envelope = new XDocument(new XElement(env + "Envelope", new XAttribute(XNamespace.Xmlns + "s", env.NamespaceName), new XElement(env + "Body", payload)));
        string action = ActionBase + operation;

        using var content = new StringContent(envelope.ToString(SaveOptions.DisableFormatting), Encoding.UTF8);
        // SOAP 1.1: text/xml plus a SOAPAction header; SOAP 1.2: application/soap+xml with the action as a parameter.
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(soap11 ? "text/xml" : "application/soap+xml") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, soap11 ? server.Soap11Endpoint : server.Soap12Endpoint) { Content = content };
        if (soap11)
        {
            request.Headers.Add("SOAPAction", $"\"{action}\"");
        }
        else
        {
            content.Headers.ContentType.Parameters.Add(new System.Net.Http.Headers.NameValueHeaderValue("action", $"\"{action}\""));
        }

        using HttpClient http = server.CreateHttpClient();
        using HttpResponseMessage response = await http.SendAsync(request);
        string reply = await response.Content.ReadAsStringAsync();
        XElement root = XDocument.Parse(reply).Root!;
        Assert.True(root.Name == env + "Envelope", $"expected a SOAP {version} envelope, got: {reply}");
        return (response.StatusCode, root.Element(env + "Body")!);
    }

    private static (XName Code, string Reason, XElement? Detail) ReadFault(string version, XElement body)
    {
        if (version == "1.1")
        {
            XElement fault = body.Element(Soap11Env + "Fault")!;
            XElement code = fault.Element("faultcode")!;
            return (Resolve(code, code.Value), fault.Element("faultstring")!.Value, fault.Element("detail"));
        }
        else
        {
            XElement fault = body.Element(Soap12Env + "Fault")!;
            XElement code = fault.Element(Soap12Env + "Code")!.Element(Soap12Env + "Value")!;
            return (Resolve(code, code.Value), fault.Element(Soap12Env + "Reason")!.Element(Soap12Env + "Text")!.Value, fault.Element(Soap12Env + "Detail"));
        }
    }

    /// <summary>A QName in text or an attribute value, resolved against the namespaces in scope at <paramref name="context"/>.</summary>
    private static XName Resolve(XElement context, string qname)
    {
        int colon = qname.IndexOf(':', StringComparison.Ordinal);
        XNamespace ns = colon < 0 ? context.GetDefaultNamespace() : context.GetNamespaceOfPrefix(qname[..colon]) ?? throw new InvalidOperationException("unbound prefix in " + qname);
        return ns + qname[(colon + 1)..];
    }

    /// <summary>A schema element with the namespace declarations it inherits from the WSDL, so it reads on its own.</summary>
    private static XElement WithInScopeNamespaces(XElement schema)
    {
        var copy = new XElement(schema);
        for (XElement? ancestor = schema.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            foreach (XAttribute declaration in ancestor.Attributes().Where(a => a.IsNamespaceDeclaration))
            {
                if (copy.Attribute(declaration.Name) is null)
                {
                    copy.Add(new XAttribute(declaration));
                }
            }
        }

        return copy;
    }
}
