// Builds SoftLayer's per-service WSDLs (API v3.1) and the shared types schema from SoftLayer's API metadata
// (../shared/vendor-api-metadata/softlayer/sldn_metadata.json), in the shape of the real per-service WSDL
// ../shared/wsdl-corpus/savon/spec/fixtures/wsdl/brand.xml (see wsdl/softlayer/README.md for every rule and
// its evidence). Deterministic: same input, same bytes.
//
//   dotnet run wsdl/softlayer/build-softlayer-wsdl.cs [metadata-json] [out-dir]
//   dotnet run wsdl/softlayer/build-softlayer-wsdl.cs -- [metadata-json] [out-dir] --verify-brand <brand.xml>
//   dotnet run wsdl/softlayer/build-softlayer-wsdl.cs -- <metadata-json> <out-dir> --all-services
//
// Defaults (relative to the current directory, which should be the repo root):
//   ../shared/vendor-api-metadata/softlayer/sldn_metadata.json   and   wsdl/softlayer
// Writes <out-dir>/<Service>.wsdl for the eight services below and <out-dir>/SoftLayer_Types.xsd, then checks that
// every output is well-formed and that every tns: reference resolves. --verify-brand also builds SoftLayer_Brand (in
// memory, API v3) and compares its header rules, parts and types with the real brand.xml, operation by operation.
// --all-services writes every service in the metadata instead of the eight (the whole API, for measuring the build
// cost of generating it: only the eight are shipped, so it needs an out-dir other than wsdl/softlayer).
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
const string HttpTransport = "http://schemas.xmlsoap.org/soap/http";
const string ApiVersion = "v3.1";
const string EntityType = "SoftLayer_Entity";
const string TypesFile = "SoftLayer_Types.xsd";

// brand.xml's SoftLayer_BrandInitParameters carries the optional globalIdentifier although SoftLayer_Brand has no
// globalIdentifier property (not in this metadata): the real generator writes it for every service. See README.md.
const bool GlobalIdentifierOnEveryService = true;

string[] services =
{
    "SoftLayer_Account",
    "SoftLayer_Billing_Item",
    "SoftLayer_Billing_Item_Cancellation_Request",
    "SoftLayer_Virtual_Guest",
    "SoftLayer_Network_Application_Delivery_Controller_LoadBalancer_VirtualIpAddress",
    "SoftLayer_Network_Subnet",
    "SoftLayer_Network_Storage",
    "SoftLayer_Network_Vlan",
};

var positional = new List<string>();
string? verifyBrand = null;
bool allServices = false;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--verify-brand" && i + 1 < args.Length)
        verifyBrand = args[++i];
    else if (args[i] == "--all-services")
        allServices = true;
    else
        positional.Add(args[i]);
}

string input = positional.Count > 0 ? positional[0] : Path.Combine("..", "shared", "vendor-api-metadata", "softlayer", "sldn_metadata.json");
string outDir = positional.Count > 1 ? positional[1] : Path.Combine("wsdl", "softlayer");

if (allServices && (positional.Count < 2 || Path.GetFullPath(outDir) == Path.GetFullPath(Path.Combine("wsdl", "softlayer"))))
{
    Console.Error.WriteLine("--all-services needs an out-dir outside wsdl/softlayer (only the eight services are shipped)");
    return 2;
}

Dictionary<string, SlType> model = LoadModel(input);
AddInferred(model);
var arrayUse = CollectArrayUse(model);
if (allServices)
    services = model.Values.Where(t => t.Methods is not null).Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

Directory.CreateDirectory(outDir);
var written = new List<(string Path, int Bytes, string Summary)>();

byte[] xsd = BuildTypesSchema(model, arrayUse, services, out int complexTypes, out int arrayTypes);
string xsdPath = Path.Combine(outDir, TypesFile);
File.WriteAllBytes(xsdPath, xsd);
written.Add((xsdPath, xsd.Length, $"{complexTypes} SoftLayer types, {arrayTypes} array types, {4 + services.Length} header types"));

foreach (string service in services)
{
    if (!model.TryGetValue(service, out SlType? type) || type.Methods is null)
        throw new InvalidDataException($"{service} is not a service in {input}");
    List<Operation> ops = BuildOperations(model, type);
    byte[] wsdl = BuildWsdl(service, type, ops, ApiVersion);
    string path = Path.Combine(outDir, service + ".wsdl");
    File.WriteAllBytes(path, wsdl);
    written.Add((path, wsdl.Length, $"{ops.Count} operations ({ops.Count(o => o.IsGetter)} relational getters)"));
}

int problems = Verify(outDir, services);
if (verifyBrand != null)
    problems += VerifyBrand(model, verifyBrand);

foreach (var (path, bytes, summary) in written)
    Console.WriteLine($"wrote {path}: {summary}, {bytes} bytes");
if (problems > 0)
{
    Console.Error.WriteLine($"{problems} problem(s) found");
    return 1;
}
Console.WriteLine("checks: all files well-formed, every tns: reference resolves" + (verifyBrand != null ? ", brand.xml rules reproduced" : ""));
return 0;

// ------------------------------------------------------------------------------------------------------------ model

static Dictionary<string, SlType> LoadModel(string path)
{
    using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
    var model = new Dictionary<string, SlType>(StringComparer.Ordinal);
    foreach (JsonProperty entry in doc.RootElement.EnumerateObject())
    {
        JsonElement t = entry.Value;
        string name = Str(t, "name");
        if (name != entry.Name)
            throw new InvalidDataException($"type key {entry.Name} names {name}");
        var type = new SlType(name, OptStr(t, "base"), OptStr(t, "serviceDoc"));
        if (t.TryGetProperty("properties", out JsonElement props))
        {
            foreach (JsonProperty p in props.EnumerateObject())
            {
                type.Properties.Add(new SlProperty(
                    Str(p.Value, "name"), Str(p.Value, "type"), Str(p.Value, "form"), Flag(p.Value, "typeArray"), OptStr(p.Value, "doc")));
            }
        }
        if (t.TryGetProperty("methods", out JsonElement methods))
        {
            type.Methods = new List<SlMethod>();
            foreach (JsonProperty m in methods.EnumerateObject())
            {
                var parameters = new List<SlParameter>();
                if (m.Value.TryGetProperty("parameters", out JsonElement ps))
                {
                    foreach (JsonElement p in ps.EnumerateArray())
                        parameters.Add(new SlParameter(Str(p, "name"), Str(p, "type"), Flag(p, "typeArray")));
                }
                JsonElement v = m.Value;
                type.Methods.Add(new SlMethod(Str(v, "name"), Str(v, "type"), Flag(v, "typeArray"), OptStr(v, "doc"),
                    Flag(v, "static"), Flag(v, "maskable"), Flag(v, "filterable"), Flag(v, "limitable"), Flag(v, "noauth"), parameters));
            }
        }
        model.Add(name, type);
    }
    return model;
}

// What the 2021 metadata no longer has but seed 004 uses (SoftLayer_Account::getCdnAccounts). Inferred; see README.md.
static void AddInferred(Dictionary<string, SlType> model)
{
    const string cdn = "SoftLayer_Network_ContentDelivery_Account";
    if (model.ContainsKey(cdn))
        return;
    var type = new SlType(cdn, EntityType, null);
    type.Properties.AddRange(new[]
    {
        new SlProperty("account", "SoftLayer_Account", "relational", false, "The SoftLayer account the CDN account belongs to."),
        new SlProperty("billingItem", "SoftLayer_Billing_Item", "relational", false, "The billing item of the CDN account."),
        new SlProperty("accountId", "int", "local", false, "The id of the SoftLayer account the CDN account belongs to."),
        new SlProperty("cdnAccountName", "string", "local", false, "The CDN account name."),
        new SlProperty("cdnAccountNote", "string", "local", false, "A note about the CDN account."),
        new SlProperty("cdnSolutionName", "string", "local", false, "The CDN solution (vendor product) name."),
        new SlProperty("createDate", "dateTime", "local", false, "The date the CDN account was created."),
        new SlProperty("id", "int", "local", false, "The CDN account's internal identifier."),
        new SlProperty("modifyDate", "dateTime", "local", false, "The date the CDN account was last modified."),
        new SlProperty("statusId", "int", "local", false, "The status of the CDN account."),
    });
    model.Add(cdn, type);

    SlType account = model["SoftLayer_Account"];
    InsertProperty(account, new SlProperty("cdnAccounts", cdn, "relational", true, "An account's associated CDN accounts."));
    InsertProperty(account, new SlProperty("cdnAccountCount", "unsignedLong", "count", false, "A count of an account's associated CDN accounts."));
}

// The metadata lists properties grouped by form (relational, local, count) and sorted by name in each group.
static void InsertProperty(SlType type, SlProperty property)
{
    if (type.Properties.Any(p => p.Name == property.Name))
        return;
    int index = type.Properties.FindIndex(p =>
        FormRank(p.Form) > FormRank(property.Form) ||
        (p.Form == property.Form && string.CompareOrdinal(p.Name, property.Name) > 0));
    type.Properties.Insert(index < 0 ? type.Properties.Count : index, property);
}

static int FormRank(string form) => form switch { "relational" => 0, "local" => 1, "count" => 2, _ => 3 };

// Every type used as an array anywhere in the metadata: property, parameter or return with typeArray.
static SortedSet<string> CollectArrayUse(Dictionary<string, SlType> model)
{
    var used = new SortedSet<string>(StringComparer.Ordinal);
    foreach (SlType t in model.Values)
    {
        foreach (SlProperty p in t.Properties.Where(p => p.TypeArray))
            used.Add(p.Type);
        foreach (SlMethod m in t.Methods ?? new List<SlMethod>())
        {
            if (m.TypeArray)
                used.Add(m.Type);
            foreach (SlParameter p in m.Parameters.Where(p => p.TypeArray))
                used.Add(p.Type);
        }
    }
    return used;
}

// ------------------------------------------------------------------------------------------------------------ types

// Metadata type name -> XSD built-in (local name). "enum" (a string from a fixed list, parameters only) and "json"
// (SoftLayer_Event_Log::metaData, a JSON text) travel as strings.
static string? BuiltIn(string type) => type switch
{
    "string" => "string",
    "int" => "int",
    "boolean" => "boolean",
    "dateTime" => "dateTime",
    "decimal" => "decimal",
    "float" => "float",
    "double" => "double",
    "long" => "long",
    "base64Binary" => "base64Binary",
    "unsignedLong" => "unsignedLong",
    "unsignedInt" => "unsignedInt",
    "enum" => "string",
    "json" => "string",
    _ => null,
};

static string QName(Dictionary<string, SlType> model, string type, bool array)
{
    if (model.ContainsKey(type))
        return "tns:" + type + (array ? "Array" : "");
    string builtIn = BuiltIn(type) ?? throw new InvalidDataException($"unknown metadata type '{type}'");
    // Arrays of built-ins: the same <name>Array rule on the metadata's own type name (string -> tns:stringArray).
    return array ? "tns:" + builtIn + "Array" : "xsd:" + builtIn;
}

static byte[] BuildTypesSchema(Dictionary<string, SlType> model, SortedSet<string> arrayUse, string[] services, out int complexTypes, out int arrayTypes)
{
    complexTypes = 0;
    arrayTypes = 0;
    foreach (string name in model.Keys.Where(n => n.EndsWith("Array", StringComparison.Ordinal)))
        throw new InvalidDataException($"type {name} would collide with an array type name");

    MemoryStream buffer = StartDocument();
    using (XmlWriter w = XmlWriter.Create(buffer, WriterSettings()))
    {
        w.WriteStartElement("xsd", "schema", XsdNs);
        DeclareNs(w, "xsd", XsdNs);
        DeclareNs(w, "tns", Tns(ApiVersion));
        DeclareNs(w, "soapenc", SoapEncNs);
        DeclareNs(w, "wsdl", WsdlNs);
        w.WriteAttributeString("targetNamespace", Tns(ApiVersion));
        w.WriteStartElement("xsd", "import", XsdNs);
        w.WriteAttributeString("namespace", SoapEncNs);
        w.WriteEndElement();
        w.WriteStartElement("xsd", "import", XsdNs);
        w.WriteAttributeString("namespace", WsdlNs);
        w.WriteEndElement();

        // The headers every service shares (brand.xml's binding uses them; they are not in its inline schema).
        HeaderType(w, "authenticate", ("username", "xsd:string", 1), ("apiKey", "xsd:string", 1));
        HeaderType(w, "resultLimit", ("limit", "xsd:int", 1), ("offset", "xsd:int", 0));
        HeaderType(w, "totalItems", ("amount", "xsd:int", 1));
        HeaderType(w, "SoftLayer_ObjectMask", ("mask", "xsd:string", 1));
        foreach (string service in services.OrderBy(s => s, StringComparer.Ordinal))
        {
            // Inferred: an arbitrary element tree mirroring SoftLayer's JSON object filter.
            w.WriteStartElement("xsd", "complexType", XsdNs);
            w.WriteAttributeString("name", service + "ObjectFilter");
            w.WriteStartElement("xsd", "sequence", XsdNs);
            w.WriteStartElement("xsd", "any", XsdNs);
            w.WriteAttributeString("minOccurs", "0");
            w.WriteAttributeString("maxOccurs", "unbounded");
            w.WriteAttributeString("processContents", "skip");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }

        // Arrays of XSD built-ins.
        foreach (string builtIn in arrayUse.Where(t => !model.ContainsKey(t)).Select(t => BuiltIn(t)!).Distinct().OrderBy(t => t, StringComparer.Ordinal))
        {
            ArrayType(w, builtIn + "Array", "xsd:" + builtIn);
            arrayTypes++;
        }

        foreach (SlType type in model.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            w.WriteStartElement("xsd", "complexType", XsdNs);
            w.WriteAttributeString("name", type.Name);
            if (type.Base != null)
            {
                if (!model.ContainsKey(type.Base))
                    throw new InvalidDataException($"{type.Name}: unknown base {type.Base}");
                w.WriteStartElement("xsd", "complexContent", XsdNs);
                w.WriteStartElement("xsd", "extension", XsdNs);
                w.WriteAttributeString("base", "tns:" + type.Base);
            }
            if (type.Properties.Count > 0)
            {
                w.WriteStartElement("xsd", "sequence", XsdNs);
                foreach (SlProperty p in type.Properties)
                {
                    w.WriteStartElement("xsd", "element", XsdNs);
                    w.WriteAttributeString("minOccurs", "0");
                    w.WriteAttributeString("maxOccurs", "1");
                    w.WriteAttributeString("name", p.Name);
                    w.WriteAttributeString("type", QName(model, p.Type, p.TypeArray));
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            if (type.Base != null)
            {
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
            complexTypes++;
            if (arrayUse.Contains(type.Name))
            {
                ArrayType(w, type.Name + "Array", "tns:" + type.Name);
                arrayTypes++;
            }
        }
        w.WriteEndElement();
    }
    return Finish(buffer);
}

static void HeaderType(XmlWriter w, string name, params (string Name, string Type, int MinOccurs)[] elements)
{
    w.WriteStartElement("xsd", "complexType", XsdNs);
    w.WriteAttributeString("name", name);
    w.WriteStartElement("xsd", "sequence", XsdNs);
    foreach (var (elementName, type, minOccurs) in elements)
    {
        w.WriteStartElement("xsd", "element", XsdNs);
        w.WriteAttributeString("minOccurs", minOccurs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteAttributeString("maxOccurs", "1");
        w.WriteAttributeString("name", elementName);
        w.WriteAttributeString("type", type);
        w.WriteEndElement();
    }
    w.WriteEndElement();
    w.WriteEndElement();
}

static void ArrayType(XmlWriter w, string name, string itemType)
{
    w.WriteStartElement("xsd", "complexType", XsdNs);
    w.WriteAttributeString("name", name);
    w.WriteStartElement("xsd", "complexContent", XsdNs);
    w.WriteStartElement("xsd", "restriction", XsdNs);
    w.WriteAttributeString("base", "soapenc:Array");
    w.WriteStartElement("xsd", "attribute", XsdNs);
    w.WriteAttributeString("ref", "soapenc:arrayType");
    w.WriteAttributeString("wsdl", "arrayType", WsdlNs, itemType + "[]");
    w.WriteEndElement();
    w.WriteEndElement();
    w.WriteEndElement();
    w.WriteEndElement();
}

// ------------------------------------------------------------------------------------------------------------ operations

// The service's methods plus one get<Property> per relational property of the service type and its bases
// (explicit methods win), alphabetical. Getters act on the object getObject returns: they are static exactly when
// the service's getObject is (SoftLayer_Account: every method is static, the account is the caller's own).
static List<Operation> BuildOperations(Dictionary<string, SlType> model, SlType service)
{
    var ops = new Dictionary<string, Operation>(StringComparer.Ordinal);
    foreach (SlMethod m in service.Methods!)
    {
        var parts = m.Parameters.Select(p => (p.Name, QName(model, p.Type, p.TypeArray))).ToList();
        string? ret = m.Type == "void" ? null : QName(model, m.Type, m.TypeArray);
        ops.Add(m.Name, new Operation(m.Name, m.Doc ?? "", parts, ret, m.Static, m.Maskable, m.Filterable, m.Limitable, m.NoAuth, false));
    }
    bool getterStatic = service.Methods!.FirstOrDefault(m => m.Name == "getObject")?.Static ?? false;
    for (SlType? t = service; t != null; t = t.Base != null ? model[t.Base] : null)
    {
        foreach (SlProperty p in t.Properties.Where(p => p.Form == "relational"))
        {
            string name = "get" + char.ToUpperInvariant(p.Name[0]) + p.Name.Substring(1);
            if (ops.ContainsKey(name))
                continue;
            string doc = string.IsNullOrEmpty(p.Doc) ? "" : "Retrieve " + LowerFirst(p.Doc);
            ops.Add(name, new Operation(name, doc, new List<(string, string)>(), QName(model, p.Type, p.TypeArray),
                getterStatic, Maskable: true, Filterable: true, Limitable: p.TypeArray, NoAuth: false, IsGetter: true));
        }
    }
    return ops.Values.OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
}

// brand.xml: "All accounts owned by the brand." -> "Retrieve all accounts owned by the brand."
// An initialism keeps its case ("IP addresses ..." stays "IP addresses ...").
static string LowerFirst(string s)
{
    if (s.Length == 0 || !char.IsUpper(s[0]) || (s.Length > 1 && char.IsUpper(s[1])))
        return s;
    return char.ToLowerInvariant(s[0]) + s.Substring(1);
}

// The input headers of an operation, in brand.xml's order. Two orders occur there:
//  filterable (getObject, every relational getter): <S>ObjectMask, <S>ObjectFilter, resultLimit, SoftLayer_ObjectMask, <S>InitParameters, authenticate
//  otherwise:                                      authenticate, <S>InitParameters, <S>ObjectMask, SoftLayer_ObjectMask (+ resultLimit, inferred)
// each present only when its flag says so (mask: maskable, filter: filterable, resultLimit: limitable, init: not static,
// authenticate: not noauth).
static List<(string Message, string Part)> InputHeaders(string service, Operation op)
{
    var list = new List<(string, string)>();
    (string, string) auth = ("authenticateHeader", "authenticate");
    (string, string) init = (service + "InitParametersHeader", service + "InitParameters");
    (string, string) mask = (service + "ObjectMaskHeader", service + "ObjectMask");
    (string, string) filter = (service + "ObjectFilterHeader", service + "ObjectFilter");
    (string, string) limit = ("resultLimitHeader", "resultLimit");
    (string, string) slMask = ("SoftLayer_ObjectMaskHeader", "SoftLayer_ObjectMask");
    if (op.Filterable)
    {
        if (op.Maskable) list.Add(mask);
        list.Add(filter);
        if (op.Limitable) list.Add(limit);
        if (op.Maskable) list.Add(slMask);
        if (!op.Static) list.Add(init);
        if (!op.NoAuth) list.Add(auth);
    }
    else
    {
        if (!op.NoAuth) list.Add(auth);
        if (!op.Static) list.Add(init);
        if (op.Maskable) { list.Add(mask); list.Add(slMask); }
        if (op.Limitable) list.Add(limit);
    }
    return list;
}

// ------------------------------------------------------------------------------------------------------------ WSDL

static byte[] BuildWsdl(string service, SlType type, List<Operation> ops, string version)
{
    string tns = Tns(version);
    string encodedBodyNs = tns;
    MemoryStream buffer = StartDocument();
    using (XmlWriter w = XmlWriter.Create(buffer, WriterSettings()))
    {
        w.WriteStartElement("", "definitions", WsdlNs);
        // Same declarations, same order as brand.xml.
        w.WriteAttributeString(null, "xmlns", "http://www.w3.org/2000/xmlns/", WsdlNs);
        DeclareNs(w, "tns", tns);
        DeclareNs(w, "soap", SoapNs);
        DeclareNs(w, "xsd", XsdNs);
        DeclareNs(w, "soap-enc", SoapEncNs);
        DeclareNs(w, "wsdl", WsdlNs);
        w.WriteAttributeString("name", "slApi");
        w.WriteAttributeString("targetNamespace", tns);

        w.WriteStartElement("", "types", WsdlNs);
        w.WriteStartElement("xsd", "schema", XsdNs);
        w.WriteAttributeString("targetNamespace", tns);
        w.WriteStartElement("xsd", "include", XsdNs);
        w.WriteAttributeString("namespace", tns);
        w.WriteAttributeString("schemaLocation", $"https://api.softlayer.com/soap/{version}/{service}?xsd");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("xsd", "schema", XsdNs);
        w.WriteAttributeString("targetNamespace", tns);
        w.WriteStartElement("xsd", "complexType", XsdNs);
        w.WriteAttributeString("name", service + "InitParameters");
        w.WriteStartElement("xsd", "sequence", XsdNs);
        SchemaElement(w, "1", "id", "xsd:int");
        if (GlobalIdentifierOnEveryService || type.Properties.Any(p => p.Name == "globalIdentifier"))
            SchemaElement(w, "0", "globalIdentifier", "xsd:string");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("xsd", "complexType", XsdNs);
        w.WriteAttributeString("name", service + "ObjectMask");
        w.WriteStartElement("xsd", "sequence", XsdNs);
        SchemaElement(w, "1", "mask", "tns:" + service);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement(); // types

        Message(w, service + "InitParametersHeader", (service + "InitParameters", "tns:" + service + "InitParameters"));
        foreach (Operation op in ops)
        {
            Message(w, op.Name, op.Parts.ToArray());
            Message(w, op.Name + "Response", op.Return == null ? Array.Empty<(string, string)>() : new[] { (op.Name + "Return", op.Return) });
        }
        Message(w, "authenticateHeader", ("authenticate", "tns:authenticate"));
        Message(w, "resultLimitHeader", ("resultLimit", "tns:resultLimit"));
        Message(w, "totalItemsHeader", ("totalItems", "tns:totalItems"));
        Message(w, service + "ObjectMaskHeader", (service + "ObjectMask", "tns:" + service + "ObjectMask"));
        Message(w, service + "ObjectFilterHeader", (service + "ObjectFilter", "tns:" + service + "ObjectFilter"));
        Message(w, "SoftLayer_ObjectMaskHeader", ("SoftLayer_ObjectMask", "tns:SoftLayer_ObjectMask"));

        w.WriteStartElement("", "portType", WsdlNs);
        w.WriteAttributeString("name", service + "PortType");
        Documentation(w, type.ServiceDoc ?? "");
        foreach (Operation op in ops)
        {
            w.WriteStartElement("", "operation", WsdlNs);
            w.WriteAttributeString("name", op.Name);
            Documentation(w, op.Doc);
            w.WriteStartElement("", "input", WsdlNs);
            w.WriteAttributeString("message", "tns:" + op.Name);
            w.WriteEndElement();
            w.WriteStartElement("", "output", WsdlNs);
            w.WriteAttributeString("message", "tns:" + op.Name + "Response");
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("", "binding", WsdlNs);
        w.WriteAttributeString("name", service + "Binding");
        w.WriteAttributeString("type", "tns:" + service + "PortType");
        w.WriteStartElement("soap", "binding", SoapNs);
        w.WriteAttributeString("style", "rpc");
        w.WriteAttributeString("transport", HttpTransport);
        w.WriteEndElement();
        foreach (Operation op in ops)
        {
            w.WriteStartElement("", "operation", WsdlNs);
            w.WriteAttributeString("name", op.Name);
            w.WriteStartElement("soap", "operation", SoapNs);
            w.WriteAttributeString("soapAction", $"{tns}{service}Action");
            w.WriteEndElement();
            w.WriteStartElement("", "input", WsdlNs);
            foreach (var (message, part) in InputHeaders(service, op))
                Header(w, message, part);
            Body(w, encodedBodyNs);
            w.WriteEndElement();
            w.WriteStartElement("", "output", WsdlNs);
            if (op.Limitable)
                Header(w, "totalItemsHeader", "totalItems");
            Body(w, encodedBodyNs);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("", "service", WsdlNs);
        w.WriteAttributeString("name", service + "Service");
        w.WriteStartElement("", "port", WsdlNs);
        w.WriteAttributeString("name", service + "Port");
        w.WriteAttributeString("binding", "tns:" + service + "Binding");
        w.WriteStartElement("soap", "address", SoapNs);
        w.WriteAttributeString("location", $"https://api.softlayer.com/soap/{version}/{service}");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteEndElement(); // definitions
    }
    return Finish(buffer);
}

static void SchemaElement(XmlWriter w, string minOccurs, string name, string type)
{
    w.WriteStartElement("xsd", "element", XsdNs);
    w.WriteAttributeString("minOccurs", minOccurs);
    w.WriteAttributeString("maxOccurs", "1");
    w.WriteAttributeString("name", name);
    w.WriteAttributeString("type", type);
    w.WriteEndElement();
}

static void Message(XmlWriter w, string name, params (string Name, string Type)[] parts)
{
    w.WriteStartElement("", "message", WsdlNs);
    w.WriteAttributeString("name", name);
    foreach (var (partName, type) in parts)
    {
        w.WriteStartElement("", "part", WsdlNs);
        w.WriteAttributeString("name", partName);
        w.WriteAttributeString("type", type);
        w.WriteEndElement();
    }
    w.WriteEndElement();
}

// brand.xml writes <documentation></documentation> when there is none: always a full end tag.
static void Documentation(XmlWriter w, string text)
{
    w.WriteStartElement("", "documentation", WsdlNs);
    w.WriteString(text);
    w.WriteFullEndElement();
}

static void Header(XmlWriter w, string message, string part)
{
    // No namespace attribute, exactly as brand.xml.
    w.WriteStartElement("soap", "header", SoapNs);
    w.WriteAttributeString("message", "tns:" + message);
    w.WriteAttributeString("part", part);
    w.WriteAttributeString("use", "encoded");
    w.WriteAttributeString("encodingStyle", SoapEncNs);
    w.WriteEndElement();
}

static void Body(XmlWriter w, string ns)
{
    w.WriteStartElement("soap", "body", SoapNs);
    w.WriteAttributeString("namespace", ns);
    w.WriteAttributeString("use", "encoded");
    w.WriteAttributeString("encodingStyle", SoapEncNs);
    w.WriteEndElement();
}

// ------------------------------------------------------------------------------------------------------------ checks

// Well-formedness (XmlDocument.Load) and reference resolution: every tns: QName in a type/base/arrayType attribute
// names a complexType of SoftLayer_Types.xsd or of the WSDL's inline schema; message/binding/type references name a
// message, portType or binding of the same WSDL; every soap:header part exists in its message.
static int Verify(string outDir, string[] services)
{
    int problems = 0;
    void Problem(string what)
    {
        problems++;
        Console.Error.WriteLine("PROBLEM: " + what);
    }

    var xsdDoc = new XmlDocument();
    xsdDoc.Load(Path.Combine(outDir, TypesFile));
    var xsdNames = new HashSet<string>(StringComparer.Ordinal);
    foreach (XmlElement ct in xsdDoc.GetElementsByTagName("complexType", XsdNs))
    {
        if (!xsdNames.Add(ct.GetAttribute("name")))
            Problem($"{TypesFile}: duplicate complexType {ct.GetAttribute("name")}");
    }
    CheckTypeRefs(xsdDoc, TypesFile, xsdNames, Problem);

    foreach (string service in services)
    {
        string file = service + ".wsdl";
        var doc = new XmlDocument();
        doc.Load(Path.Combine(outDir, file));
        var names = new HashSet<string>(xsdNames, StringComparer.Ordinal);
        foreach (XmlElement ct in doc.GetElementsByTagName("complexType", XsdNs))
            names.Add(ct.GetAttribute("name"));
        CheckTypeRefs(doc, file, names, Problem);

        var messages = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (XmlElement m in doc.DocumentElement!.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == "message"))
        {
            var parts = new HashSet<string>(m.ChildNodes.OfType<XmlElement>().Select(p => p.GetAttribute("name")), StringComparer.Ordinal);
            if (!messages.TryAdd(m.GetAttribute("name"), parts))
                Problem($"{file}: duplicate message {m.GetAttribute("name")}");
        }
        var portTypes = doc.GetElementsByTagName("portType", WsdlNs).OfType<XmlElement>().Select(e => e.GetAttribute("name")).ToHashSet();
        var bindings = doc.GetElementsByTagName("binding", WsdlNs).OfType<XmlElement>().Select(e => e.GetAttribute("name")).ToHashSet();
        foreach (XmlElement e in doc.GetElementsByTagName("*").OfType<XmlElement>())
        {
            if (e.HasAttribute("message"))
            {
                string msg = e.GetAttribute("message");
                if (!msg.StartsWith("tns:", StringComparison.Ordinal) || !messages.TryGetValue(msg.Substring(4), out HashSet<string>? parts))
                    Problem($"{file}: <{e.Name}> names undefined message {msg}");
                else if (e.LocalName == "header" && !parts.Contains(e.GetAttribute("part")))
                    Problem($"{file}: header part {e.GetAttribute("part")} is not in {msg}");
            }
            if (e.LocalName == "binding" && e.NamespaceURI == WsdlNs && !portTypes.Contains(e.GetAttribute("type").Replace("tns:", "")))
                Problem($"{file}: binding type {e.GetAttribute("type")} undefined");
            if (e.LocalName == "port" && !bindings.Contains(e.GetAttribute("binding").Replace("tns:", "")))
                Problem($"{file}: port binding {e.GetAttribute("binding")} undefined");
        }
        var ops = doc.GetElementsByTagName("operation", WsdlNs).OfType<XmlElement>()
            .Where(e => ((XmlElement)e.ParentNode!).LocalName == "portType").Select(e => e.GetAttribute("name")).ToList();
        if (ops.Count != ops.Distinct().Count())
            Problem($"{file}: duplicate operation names");
        if (!ops.SequenceEqual(ops.OrderBy(o => o, StringComparer.Ordinal)))
            Problem($"{file}: operations not in alphabetical order");
    }
    return problems;
}

static void CheckTypeRefs(XmlDocument doc, string file, HashSet<string> names, Action<string> problem)
{
    foreach (XmlElement e in doc.GetElementsByTagName("*").OfType<XmlElement>())
    {
        foreach (XmlAttribute a in e.Attributes)
        {
            bool typeAttr = a.LocalName is "type" or "base" && a.NamespaceURI == "";
            bool arrayType = a.LocalName == "arrayType" && a.NamespaceURI == WsdlNs;
            if (!typeAttr && !arrayType)
                continue;
            if (e.LocalName == "binding" && e.NamespaceURI == WsdlNs)
                continue; // binding type= names a portType, checked with the messages
            string value = arrayType ? a.Value.TrimEnd('[', ']') : a.Value;
            if (value.StartsWith("tns:", StringComparison.Ordinal) && !names.Contains(value.Substring(4)))
                problem($"{file}: {e.Name} {a.Name}=\"{a.Value}\" does not resolve");
        }
    }
}

// Builds SoftLayer_Brand for API v3 (brand.xml's version) and compares, for every operation both have: message parts
// (names and types), return part type, input header order and output headers. Also the service-level shape.
static int VerifyBrand(Dictionary<string, SlType> model, string brandPath)
{
    const string service = "SoftLayer_Brand";
    int problems = 0;
    List<Operation> ops = BuildOperations(model, model[service]);
    var real = new XmlDocument();
    real.Load(brandPath);
    var ns = new XmlNamespaceManager(real.NameTable);
    ns.AddNamespace("w", WsdlNs);
    ns.AddNamespace("s", SoapNs);
    var mine = new XmlDocument();
    mine.Load(new MemoryStream(BuildWsdl(service, model[service], ops, "v3")));

    static string Describe(XmlDocument d, XmlNamespaceManager ns, string op)
    {
        var sb = new StringBuilder();
        foreach (string m in new[] { op, op + "Response" })
        {
            var msg = (XmlElement?)d.SelectSingleNode($"/w:definitions/w:message[@name='{m}']", ns);
            sb.Append(m).Append('(');
            if (msg != null)
                sb.Append(string.Join(",", msg.SelectNodes("w:part", ns)!.OfType<XmlElement>().Select(p => p.GetAttribute("name") + ":" + p.GetAttribute("type"))));
            sb.Append(") ");
        }
        foreach (string dir in new[] { "input", "output" })
        {
            var hs = d.SelectNodes($"/w:definitions/w:binding/w:operation[@name='{op}']/w:{dir}/s:header", ns)!.OfType<XmlElement>();
            sb.Append(dir).Append('[').Append(string.Join(",", hs.Select(h => h.GetAttribute("message") + "/" + h.GetAttribute("part")))).Append("] ");
        }
        var action = (XmlElement?)d.SelectSingleNode($"/w:definitions/w:binding/w:operation[@name='{op}']/s:operation", ns);
        sb.Append(action?.GetAttribute("soapAction"));
        return sb.ToString();
    }

    var realOps = real.SelectNodes("/w:definitions/w:portType/w:operation", ns)!.OfType<XmlElement>().Select(e => e.GetAttribute("name")).ToList();
    int compared = 0;
    foreach (string op in realOps)
    {
        if (!ops.Any(o => o.Name == op))
        {
            Console.WriteLine($"brand.xml: {op} is not in the 2021 metadata (removed since); not compared");
            continue;
        }
        string a = Describe(real, ns, op), b = Describe(mine, ns, op);
        compared++;
        if (a != b)
        {
            problems++;
            Console.Error.WriteLine($"PROBLEM: brand.xml {op}\n  real:  {a}\n  built: {b}");
        }
    }
    // Service-level: inline schema, header messages, service/port/binding names.
    foreach (string xpath in new[]
    {
        "/w:definitions/w:types", "/w:definitions/w:message[substring(@name, string-length(@name) - 5) = 'Header']",
        "/w:definitions/w:service", "/w:definitions/w:binding/s:binding",
    })
    {
        string a = string.Concat(real.SelectNodes(xpath, ns)!.OfType<XmlNode>().Select(n => n.OuterXml));
        string b = string.Concat(mine.SelectNodes(xpath, ns)!.OfType<XmlNode>().Select(n => n.OuterXml));
        if (Normalize(a) != Normalize(b))
        {
            problems++;
            Console.Error.WriteLine($"PROBLEM: brand.xml {xpath}\n  real:  {Normalize(a)}\n  built: {Normalize(b)}");
        }
    }
    var rootReal = real.DocumentElement!.Attributes.OfType<XmlAttribute>().Select(x => x.Name + "=" + x.Value);
    var rootMine = mine.DocumentElement!.Attributes.OfType<XmlAttribute>().Select(x => x.Name + "=" + x.Value);
    if (!rootReal.SequenceEqual(rootMine))
    {
        problems++;
        Console.Error.WriteLine($"PROBLEM: brand.xml root attributes\n  real:  {string.Join(" ", rootReal)}\n  built: {string.Join(" ", rootMine)}");
    }
    Console.WriteLine($"brand.xml: {compared} of {realOps.Count} operations compared (parts, return type, input/output headers, soapAction)");
    return problems;

    static string Normalize(string xml) => System.Text.RegularExpressions.Regex.Replace(xml, @">\s+<", "><");
}

// ------------------------------------------------------------------------------------------------------------ helpers

static string Tns(string version) => $"http://api.service.softlayer.com/soap/{version}/";

static XmlWriterSettings WriterSettings() => new()
{
    Indent = true,
    IndentChars = "  ",
    NewLineChars = "\n",
    NewLineHandling = NewLineHandling.Replace,
    Encoding = new UTF8Encoding(false),
    // Written by hand to spell it as brand.xml does ("UTF-8", not XmlWriter's "utf-8").
    OmitXmlDeclaration = true,
};

static MemoryStream StartDocument()
{
    var buffer = new MemoryStream();
    byte[] declaration = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    buffer.Write(declaration, 0, declaration.Length);
    return buffer;
}

static byte[] Finish(MemoryStream buffer)
{
    // Final newline, as text files in this repo end with one.
    buffer.WriteByte((byte)'\n');
    return buffer.ToArray();
}

static string Str(JsonElement e, string property) =>
    e.GetProperty(property).GetString() ?? throw new InvalidDataException($"null '{property}'");

static string? OptStr(JsonElement e, string property) =>
    e.TryGetProperty(property, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

static bool Flag(JsonElement e, string property) =>
    e.TryGetProperty(property, out JsonElement v) && v.ValueKind == JsonValueKind.True;

static void DeclareNs(XmlWriter w, string prefix, string uri) =>
    w.WriteAttributeString("xmlns", prefix, "http://www.w3.org/2000/xmlns/", uri);

sealed record SlProperty(string Name, string Type, string Form, bool TypeArray, string? Doc);

sealed record SlParameter(string Name, string Type, bool TypeArray);

sealed record SlMethod(string Name, string Type, bool TypeArray, string? Doc, bool Static, bool Maskable, bool Filterable,
    bool Limitable, bool NoAuth, List<SlParameter> Parameters);

sealed class SlType(string name, string? @base, string? serviceDoc)
{
    public string Name { get; } = name;
    public string? Base { get; } = @base;
    public string? ServiceDoc { get; } = serviceDoc;
    public List<SlProperty> Properties { get; } = new();
    public List<SlMethod>? Methods { get; set; }
}

sealed record Operation(string Name, string Doc, List<(string Name, string Type)> Parts, string? Return, bool Static,
    bool Maskable, bool Filterable, bool Limitable, bool NoAuth, bool IsGetter);
