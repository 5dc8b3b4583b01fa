// Builds wsdl/interserver.wsdl from the dump of the live InterServer WSDL
// (../shared/vendor-api-metadata/interserver/SOAP-API/data/api_info/*.json), following nusoap 0.9.5's
// ?wsdl conventions (see wsdl/README.md). Deterministic: same input, same bytes.
//
//   dotnet run wsdl/build-interserver-wsdl.cs [metadata-dir] [output-file]
//
// metadata-dir may be the interserver dir, its SOAP-API/data dir or the api_info dir itself.
// Defaults (relative to the current directory, which should be the repo root):
//   ../shared/vendor-api-metadata/interserver   and   wsdl/interserver.wsdl
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Xml;

const string WsdlNs = "http://schemas.xmlsoap.org/wsdl/";
const string SoapNs = "http://schemas.xmlsoap.org/wsdl/soap/";
const string XsdNs = "http://www.w3.org/2001/XMLSchema";
const string SoapEncNs = "http://schemas.xmlsoap.org/soap/encoding/";
const string Tns = "urn:myapi";
const string Endpoint = "https://my.interserver.net/api.php";
const string ServiceName = "myapi";

string input = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "vendor-api-metadata", "interserver");
string output = args.Length > 1 ? args[1] : Path.Combine("wsdl", "interserver.wsdl");

string apiInfo = FindApiInfo(input);
using JsonDocument messagesDoc = Load(Path.Combine(apiInfo, "messages.json"));
using JsonDocument operationsDoc = Load(Path.Combine(apiInfo, "operations.json"));
using JsonDocument typesDoc = Load(Path.Combine(apiInfo, "complextypes.json"));

// message name -> parts (name, type), in metadata order; needed to validate operations.
var messageNames = new HashSet<string>(StringComparer.Ordinal);
var operationNames = new List<string>();

var settings = new XmlWriterSettings
{
    Indent = true,
    IndentChars = "  ",
    NewLineChars = "\n",
    NewLineHandling = NewLineHandling.Replace,
    // nusoap declares ISO-8859-1; the content is pure ASCII today, so the bytes are the same in UTF-8.
    Encoding = Encoding.Latin1,
    // The declaration is written by hand to spell the encoding as nusoap does ("ISO-8859-1", not "iso-8859-1").
    OmitXmlDeclaration = true,
};

var buffer = new MemoryStream();
byte[] declaration = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n");
buffer.Write(declaration, 0, declaration.Length);
using (XmlWriter w = XmlWriter.Create(buffer, settings))
{
    w.WriteStartElement("", "definitions", WsdlNs);
    // Same declarations, same order as nusoap_server::configureWSDL + wsdl::serialize.
    DeclareNs(w, "SOAP-ENV", "http://schemas.xmlsoap.org/soap/envelope/");
    DeclareNs(w, "xsd", XsdNs);
    DeclareNs(w, "xsi", "http://www.w3.org/2001/XMLSchema-instance");
    DeclareNs(w, "SOAP-ENC", SoapEncNs);
    DeclareNs(w, "tns", Tns);
    DeclareNs(w, "soap", SoapNs);
    DeclareNs(w, "wsdl", WsdlNs);
    w.WriteAttributeString(null, "xmlns", "http://www.w3.org/2000/xmlns/", WsdlNs);
    w.WriteAttributeString("targetNamespace", Tns);

    // <types>: complextypes.json, in file order.
    w.WriteStartElement("", "types", WsdlNs);
    w.WriteStartElement("xsd", "schema", XsdNs);
    w.WriteAttributeString("targetNamespace", Tns);
    w.WriteStartElement("xsd", "import", XsdNs);
    w.WriteAttributeString("namespace", SoapEncNs);
    w.WriteEndElement();
    w.WriteStartElement("xsd", "import", XsdNs);
    w.WriteAttributeString("namespace", WsdlNs);
    w.WriteEndElement();
    foreach (JsonProperty type in typesDoc.RootElement.EnumerateObject())
    {
        w.WriteStartElement("xsd", "complexType", XsdNs);
        w.WriteAttributeString("name", type.Name);
        if (type.Value.ValueKind == JsonValueKind.String)
        {
            // "tns:item[]" -> SOAP-ENC array restriction, exactly as nusoap writes it.
            string arrayType = type.Value.GetString()!;
            if (!arrayType.EndsWith("[]", StringComparison.Ordinal))
                throw new InvalidDataException($"complex type {type.Name}: array type '{arrayType}' does not end in []");
            w.WriteStartElement("xsd", "complexContent", XsdNs);
            w.WriteStartElement("xsd", "restriction", XsdNs);
            w.WriteAttributeString("base", "SOAP-ENC:Array");
            w.WriteStartElement("xsd", "attribute", XsdNs);
            w.WriteAttributeString("ref", "SOAP-ENC:arrayType");
            w.WriteAttributeString("wsdl", "arrayType", WsdlNs, arrayType);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }
        else if (type.Value.ValueKind == JsonValueKind.Array)
        {
            // struct -> xsd:all of xsd:element (nusoap's 'struct','all' compositor).
            w.WriteStartElement("xsd", "all", XsdNs);
            foreach (JsonElement field in type.Value.EnumerateArray())
            {
                w.WriteStartElement("xsd", "element", XsdNs);
                w.WriteAttributeString("name", Str(field, "name"));
                w.WriteAttributeString("type", QualifyType(Str(field, "type")));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        else
        {
            throw new InvalidDataException($"complex type {type.Name}: unexpected JSON {type.Value.ValueKind}");
        }
        w.WriteEndElement();
    }
    w.WriteEndElement(); // xsd:schema
    w.WriteEndElement(); // types

    // <message>s: messages.json, in file order. "part" is an object (one part), an array, or absent (no parts).
    foreach (JsonElement message in messagesDoc.RootElement.EnumerateArray())
    {
        string name = Str(message.GetProperty("attr"), "name");
        if (!messageNames.Add(name))
            throw new InvalidDataException($"duplicate message {name}");
        w.WriteStartElement("", "message", WsdlNs);
        w.WriteAttributeString("name", name);
        if (message.TryGetProperty("part", out JsonElement parts))
        {
            IEnumerable<JsonElement> list = parts.ValueKind == JsonValueKind.Array ? parts.EnumerateArray() : new[] { parts };
            foreach (JsonElement part in list)
            {
                JsonElement attr = part.GetProperty("attr");
                w.WriteStartElement("", "part", WsdlNs);
                w.WriteAttributeString("name", Str(attr, "name"));
                // Kept verbatim, including the undefined upstream type tns:array.
                w.WriteAttributeString("type", QualifyType(Str(attr, "type")));
                w.WriteEndElement();
            }
        }
        w.WriteEndElement();
    }

    // <portType>: operations.json, in file order, with its documentation.
    w.WriteStartElement("", "portType", WsdlNs);
    w.WriteAttributeString("name", ServiceName + "PortType");
    foreach (JsonElement op in operationsDoc.RootElement.EnumerateArray())
    {
        string name = Str(op.GetProperty("attr"), "name");
        operationNames.Add(name);
        w.WriteStartElement("", "operation", WsdlNs);
        w.WriteAttributeString("name", name);
        if (op.TryGetProperty("documentation", out JsonElement doc) && doc.TryGetProperty("value", out JsonElement docValue))
            w.WriteElementString("", "documentation", WsdlNs, docValue.GetString() ?? "");
        foreach (string direction in new[] { "input", "output" })
        {
            string msg = Str(op.GetProperty(direction).GetProperty("attr"), "message");
            if (!msg.StartsWith("tns:", StringComparison.Ordinal) || !messageNames.Contains(msg.Substring(4)))
                throw new InvalidDataException($"operation {name}: {direction} message {msg} is not defined");
            w.WriteStartElement("", direction, WsdlNs);
            w.WriteAttributeString("message", msg);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }
    w.WriteEndElement();

    // <binding>: rpc/encoded SOAP 1.1; soapAction = endpoint + "/" + operation (nusoap_server::register default).
    w.WriteStartElement("", "binding", WsdlNs);
    w.WriteAttributeString("name", ServiceName + "Binding");
    w.WriteAttributeString("type", "tns:" + ServiceName + "PortType");
    w.WriteStartElement("soap", "binding", SoapNs);
    w.WriteAttributeString("style", "rpc");
    w.WriteAttributeString("transport", "http://schemas.xmlsoap.org/soap/http");
    w.WriteEndElement();
    foreach (string name in operationNames)
    {
        w.WriteStartElement("", "operation", WsdlNs);
        w.WriteAttributeString("name", name);
        w.WriteStartElement("soap", "operation", SoapNs);
        w.WriteAttributeString("soapAction", Endpoint + "/" + name);
        w.WriteAttributeString("style", "rpc");
        w.WriteEndElement();
        foreach (string direction in new[] { "input", "output" })
        {
            w.WriteStartElement("", direction, WsdlNs);
            w.WriteStartElement("soap", "body", SoapNs);
            w.WriteAttributeString("use", "encoded");
            w.WriteAttributeString("namespace", Tns);
            w.WriteAttributeString("encodingStyle", SoapEncNs);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }
    w.WriteEndElement();

    // <service>
    w.WriteStartElement("", "service", WsdlNs);
    w.WriteAttributeString("name", ServiceName);
    w.WriteStartElement("", "port", WsdlNs);
    w.WriteAttributeString("name", ServiceName + "Port");
    w.WriteAttributeString("binding", "tns:" + ServiceName + "Binding");
    w.WriteStartElement("soap", "address", SoapNs);
    w.WriteAttributeString("location", Endpoint);
    w.WriteEndElement();
    w.WriteEndElement();
    w.WriteEndElement();

    w.WriteEndElement(); // definitions
}

byte[] bytes = buffer.ToArray();
// Final newline, as text files in this repo end with one.
byte[] result = new byte[bytes.Length + 1];
bytes.CopyTo(result, 0);
result[^1] = (byte)'\n';
string? outDir = Path.GetDirectoryName(Path.GetFullPath(output));
if (outDir != null)
    Directory.CreateDirectory(outDir);
File.WriteAllBytes(output, result);
Console.WriteLine($"wrote {output}: {typesDoc.RootElement.EnumerateObject().Count()} types, " +
    $"{messageNames.Count} messages, {operationNames.Count} operations, {result.Length} bytes");
return 0;

static string FindApiInfo(string dir)
{
    foreach (string candidate in new[]
    {
        dir,
        Path.Combine(dir, "api_info"),
        Path.Combine(dir, "data", "api_info"),
        Path.Combine(dir, "SOAP-API", "data", "api_info"),
    })
    {
        if (File.Exists(Path.Combine(candidate, "messages.json")))
            return candidate;
    }
    throw new DirectoryNotFoundException($"no messages.json under {Path.GetFullPath(dir)} (pass the metadata directory as the first argument)");
}

static JsonDocument Load(string path) =>
    JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = false });

static string Str(JsonElement e, string property) =>
    e.GetProperty(property).GetString() ?? throw new InvalidDataException($"null '{property}'");

// complextypes.json writes xsd types bare ("string", "int", "float"); messages.json writes them prefixed.
// nusoap's addComplexType callers write "xsd:string"; a bare name means the XSD built-in of that name.
static string QualifyType(string type) => type.Contains(':', StringComparison.Ordinal) ? type : "xsd:" + type;

static void DeclareNs(XmlWriter w, string prefix, string uri) =>
    w.WriteAttributeString("xmlns", prefix, "http://www.w3.org/2000/xmlns/", uri);
