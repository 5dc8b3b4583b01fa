using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SoapGen.Generator.Common;
using SoapGen.Generator.Diagnostics;
using SoapGen.Generator.Wsdl;

namespace SoapGen.Generator.Model;

/// <summary>
/// Decides everything C#: names (once, collision-free), type mappings, which operations become methods,
/// and whether a session wrapper can be generated. Input is the description and the user's options only.
/// </summary>
internal sealed class ServiceModelBuilder
{
    private readonly WsdlDescription _description;
    private Dictionary<string, WsdlMessage>? _messagesByLocalName;  // first of each local name, built when first asked
    private Dictionary<QName, SchemaElement>? _elements;  // the description's own global elements, first of each name
    private readonly GeneratorOptions _options;
    private readonly NamespaceContext _shared;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _namespace;
    private List<(WsdlService Service, WsdlPort Port, WsdlBinding Binding)> _ports = new();
    private List<string> _clientNames = new();
    private string _accessibility = "public";

    public ServiceModelBuilder(WsdlDescription description, GeneratorOptions options, NamespaceContext shared)
    {
        _description = description;
        _options = options;
        _shared = shared;
        _namespace = shared.Namespace;
        _diagnostics = new DiagnosticBag(description.FilePath);
    }

    public DiagnosticBag Diagnostics => _diagnostics;

    public string Accessibility => _accessibility;

    /// <summary>The user's SoapGenTypeMap entries for this WSDL, parsed by <see cref="Prepare"/>.</summary>
    public List<TypeOverride> TypeOverrides { get; private set; } = new();

    private SchemaTypeMapper Types => _shared.Types;

    /// <summary>The C# namespace a WSDL's code goes to: SoapGenNamespace, else its file name.</summary>
    public static string NamespaceOf(string filePath, GeneratorOptions options) =>
        options.Namespace ?? CSharpNames.ToPascalCase(Path.GetFileNameWithoutExtension(filePath));

    /// <summary>
    /// Checks the configuration and takes the client names, before any schema type is named, so a schema type called
    /// "MyapiClient" yields, not the client. False when nothing can be generated (reported).
    /// </summary>
    public bool Prepare()
    {
        if (!CSharpNames.IsValidNamespace(_namespace))
        {
            Report(DiagnosticDescriptors.InvalidConfiguration, SourcePosition.Unknown, "SoapGenNamespace", _namespace, "it is not a valid C# namespace (identifiers of up to 256 characters, no keywords, separated by dots)");
            return false;
        }

        _accessibility = _options.Accessibility ?? "public";
        if (_accessibility is not ("public" or "internal"))
        {
            Report(DiagnosticDescriptors.InvalidConfiguration, SourcePosition.Unknown, "SoapGenAccessibility", _accessibility, "use public or internal");
            return false;
        }

        if (_options.ClientName is { } clientName && !CSharpNames.IsValidTypeName(clientName))
        {
            Report(DiagnosticDescriptors.InvalidConfiguration, SourcePosition.Unknown, "SoapGenClientName", clientName, "it is not a valid C# type name (an identifier of up to 256 characters, not a keyword)");
            return false;
        }

        TypeOverrides = Model.TypeOverrides.Parse(_options.TypeMap, _description, _diagnostics);
        _ports = SoapPorts();
        _clientNames = _ports.Select(p => ChooseClientName(p.Service, p.Port, _ports.Count)).ToList();
        foreach (var name in _clientNames)
        {
            _shared.TypeNames.Add("I" + name);
        }

        return true;
    }

    /// <summary>The WSDL's clients, once every WSDL of the namespace is prepared and the schema types are named.</summary>
    public ServiceModel Build()
    {
        Types.Diagnostics = _diagnostics;
        var clients = new List<ClientModel>();
        for (var i = 0; i < _ports.Count; i++)
        {
            clients.Add(BuildClient(_ports[i].Service, _ports[i].Port, _ports[i].Binding, _clientNames[i]));
        }

        if (clients.Count == 0)
        {
            Report(DiagnosticDescriptors.NoSoapPort, SourcePosition.Unknown, Path.GetFileName(_description.FilePath));
        }

        return new ServiceModel(_shared.HintNames[_description.FilePath], _namespace, _accessibility, clients.ToEquatableArray(), _shared.SerializerName);
    }

    private List<(WsdlService Service, WsdlPort Port, WsdlBinding Binding)> SoapPorts()
    {
        var bindings = new Dictionary<QName, WsdlBinding>();
        foreach (var binding in _description.Bindings)
        {
            if (bindings.ContainsKey(binding.Name))
            {
                Report(DiagnosticDescriptors.InvalidWsdl, binding.Position, "The binding '" + binding.Name.Name + "' is defined twice; the first definition is used");
                continue;
            }

            bindings.Add(binding.Name, binding);
        }

        var result = new List<(WsdlService, WsdlPort, WsdlBinding)>();
        foreach (var service in _description.Services)
        {
            foreach (var port in service.Ports)
            {
                // Matched by local name when the qualified name misses, as messages are: real WSDLs bind the port's
                // prefix to a namespace that differs from the binding's targetNamespace (a trailing slash, a version).
                if (!bindings.TryGetValue(port.Binding, out var binding)
                    && bindings.Values.Where(b => b.Name.Name == port.Binding.Name).Take(2).ToList() is { Count: 1 } byName)
                {
                    binding = byName[0];
                }

                if (binding is null)
                {
                    Report(DiagnosticDescriptors.UnresolvedReference, port.Position, "binding", port.Binding.Name, "the port is skipped");
                    continue;
                }

                if (binding.Version != SoapBindingVersion.None)
                {
                    result.Add((service, port, binding));
                }
            }
        }

        return result;
    }

    private string ChooseClientName(WsdlService service, WsdlPort port, int portCount)
    {
        if (_options.ClientName is { } configured && portCount == 1)
        {
            return configured;
        }

        var stem = CSharpNames.ToPascalCase(portCount == 1 ? service.Name : port.Name);

        // "SoftLayer_AccountService" → SoftLayerAccountClient, not SoftLayerAccountServiceClient.
        if (stem.Length > "Service".Length && stem.EndsWith("Service", StringComparison.Ordinal))
        {
            stem = stem.Substring(0, stem.Length - "Service".Length);
        }

        return CSharpNames.Unique(stem + "Client", _shared.TypeNames);
    }

    private ClientModel BuildClient(WsdlService service, WsdlPort port, WsdlBinding binding, string clientName)
    {
        var portType = _description.PortTypes.FirstOrDefault(p => p.Name == binding.PortType);
        if (portType is null)
        {
            Report(DiagnosticDescriptors.UnresolvedReference, binding.Position, "portType", binding.PortType.Name, "the binding has no operations");
        }

        var methodNames = new HashSet<string>(StringComparer.Ordinal) { "CreateSession", "Endpoint", "Transport", "Headers", "Faults", "Operations", "DefaultHeaders", "With" };
        // Descriptors are static fields of nested classes: they must not hide object's members.
        var descriptorNames = new HashSet<string>(StringComparer.Ordinal) { "GetType", "ToString", "Equals", "GetHashCode", "ReferenceEquals", "MemberwiseClone" };
        var stem = portType?.Name.Name is { } portTypeName && portTypeName.EndsWith("PortType", StringComparison.Ordinal)
            ? portTypeName.Substring(0, portTypeName.Length - "PortType".Length)
            : null;
        var headers = new HeaderModelBuilder(Types, _options, stem);
        var faults = new FaultModelBuilder(Types, (name, at) => FindMessage(name, at, "fault"));
        var operations = new List<OperationModel>();
        var portOperations = portType is null ? null : FirstByName(portType.Operations, o => o.Name);
        foreach (var bindingOperation in binding.Operations)
        {
            var operation = portType is null ? null : portOperations!.TryGetValue(bindingOperation.Name, out var found) ? found : null;
            if (operation is null)
            {
                if (portType is not null)
                {
                    Report(DiagnosticDescriptors.UnresolvedReference, bindingOperation.Position, "operation", bindingOperation.Name, "it is skipped");
                }

                continue;
            }

            var built = BuildOperation(binding, bindingOperation, operation, methodNames, descriptorNames, headers, faults);
            if (built is not null)
            {
                operations.Add(built);
            }
        }

        var clientHeaders = headers.Build();
        var session = SessionModelBuilder.Build(clientName, operations, clientHeaders, _options, Types, _shared.TypeNames, _diagnostics);
        return new ClientModel(
            clientName,
            "I" + clientName,
            service.Documentation,
            // A relative soap:address (every SOAPBuilders WSDL has one) names no endpoint: the client then needs
            // SoapClientOptions.Endpoint or HttpClient.BaseAddress, and says so, instead of failing in a static initializer.
            Uri.TryCreate(port.Address, UriKind.Absolute, out _) ? port.Address : null,
            binding.Version == SoapBindingVersion.Soap12,
            operations.ToEquatableArray(),
            clientHeaders,
            faults.Build(),
            session,
            service.Name);
    }

    private OperationModel? BuildOperation(
        WsdlBinding binding,
        WsdlBindingOperation bindingOperation,
        WsdlOperation operation,
        HashSet<string> methodNames,
        HashSet<string> descriptorNames,
        HeaderModelBuilder headers,
        FaultModelBuilder faults)
    {
        var inputParts = BodyParts(FindMessage(operation.Input, operation.Position, "input"), bindingOperation.Input, bindingOperation.Position);
        var outputParts = BodyParts(FindMessage(operation.Output, operation.Position, "output"), bindingOperation.Output, bindingOperation.Position);
        var encoded = bindingOperation.Input.Use == "encoded";
        var methodStem = CSharpNames.ToPascalCase(operation.Name);

        // The names generated code uses around the parameters are taken first.
        var parameterNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken", "writer", "reader", "request", "headers" };
        var returnNames = new HashSet<string>(CSharpNames.RecordMemberNames, StringComparer.Ordinal);

        OperationStyle style;
        string wrapperName;
        string? wrapperNamespace;
        List<ElementModel> parameters;
        List<ElementModel> returnParts;
        var bare = false;
        var choices = EquatableArray<ChoiceModel>.Empty;
        string? responseName = null;
        string? responseNamespace = null;  // with a name: null accepts any namespace
        if ((bindingOperation.Style ?? binding.Style) == "rpc")
        {
            style = OperationStyle.Rpc;

            // The reply's wrapper is {operation}Response (WS-I BP R2729) in a namespace that varies by server (the
            // soap:body namespace, the target namespace, none), so only its local name is checked; PHP ext/soap names it
            // after wsdl:output's name attribute instead, so when that differs servers disagree and nothing is checked.
            var conventional = operation.Name + "Response";
            if (operation.Output is not null && (operation.OutputName is null || operation.OutputName == conventional))
            {
                responseName = conventional;
            }

            wrapperName = operation.Name;
            wrapperNamespace = bindingOperation.Input.Namespace ?? _description.TargetNamespace;
            parameters = inputParts.Select(part => Parameter(part.Name, null, ResolvePart(part, operation.Name, TypeUsage.Write), parameterNames, camel: true) with { Documentation = part.Documentation }).ToList();
            returnParts = outputParts.Select(part => Parameter(part.Name, null, ResolvePart(part, operation.Name, TypeUsage.Read), returnNames, camel: false)).ToList();
        }
        else
        {
            // document/literal: unwrap the single body element when it follows the wrapped convention (named after
            // the operation); otherwise every part is a body element of its own ("bare").
            if (Unwrap(inputParts, operation.Name) is { } request)
            {
                style = OperationStyle.Wrapped;
                (wrapperName, wrapperNamespace) = (request.Element.Name, request.Element.Namespace);
                parameters = request.Members.Select(member => Parameter(member, TypeUsage.Write, parameterNames, camel: true)).ToList();
                choices = SchemaTypeMapper.Choices(request.Members, parameters.Select(p => p.Name).ToList()).ToEquatableArray();
            }
            else
            {
                style = OperationStyle.Bare;
                (wrapperName, wrapperNamespace) = (operation.Name, null);
                parameters = inputParts.Select(part => BarePart(part, operation.Name, TypeUsage.Write, parameterNames, camel: true)).ToList();
            }

            // The reply's Body holds the one output part's element, exactly as the schema names it (when the schema defines it).
            if (outputParts.Count == 1 && outputParts[0].Element is { } responseElement
                && (DescribedElement(responseElement) is not null || Types.FindElementQuietly(responseElement) is not null))
            {
                (responseName, responseNamespace) = (responseElement.Name, responseElement.Namespace);
            }

            if (Unwrap(outputParts, operation.Name + "Response") is { } response)
            {
                returnParts = response.Members.Select(member => Parameter(member, TypeUsage.Read, returnNames, camel: false)).ToList();
            }
            else if (outputParts.Count <= 1)
            {
                bare = outputParts.Count == 1;
                returnParts = outputParts.Select(part => BarePart(part, operation.Name, TypeUsage.Read, returnNames, camel: false)).ToList();
                if (returnParts.Any(p => p.Substitutes.Count > 0))
                {
                    // The Body may carry any member of the head's group: its name is not the head's.
                    (responseName, responseNamespace) = (null, null);
                }
            }
            else
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, operation.Position,
                    "A document-style response of several body parts ('" + operation.Name + "')", "the operation is skipped");
                return null;
            }
        }


        parameters = AsParameters(parameters, literal: !encoded);


        // Header parameters come after the body's, so the body keeps its names.
        var rpc = style == OperationStyle.Rpc;
        var inputHeaders = bindingOperation.Input.Headers
            .Select(header => HeaderPartOf(header, rpc ? wrapperNamespace : null))
            .Where(part => part is not null)
            .Select(part => headers.Input(part!, parameterNames))
            .ToEquatableArray();
        var outputHeaders = bindingOperation.Output.Headers
            .Select(header => HeaderPartOf(header, rpc ? bindingOperation.Output.Namespace ?? wrapperNamespace : null))
            .Where(part => part is not null)
            .Select(part => headers.Output(part!))
            .Distinct()
            .ToEquatableArray();

        return new OperationModel(
            CSharpNames.Unique(methodStem + "Async", methodNames),
            operation.Name,
            bindingOperation.SoapAction,
            style,
            wrapperName,
            wrapperNamespace,
            encoded,
            operation.Documentation,
            parameters.ToEquatableArray(),
            Return(methodStem, returnParts, returnNames, bare),
            inputHeaders,
            outputHeaders,
            faults.Declare(operation),
            CSharpNames.Unique(methodStem, descriptorNames),
            responseName,
            responseNamespace,
            choices);
    }

    /// <summary>
    /// The response of an operation: its parts, the record holding them when there are several, and the reader; the same
    /// response of another port of the service (same operation, same parts) is the model already decided.
    /// </summary>
    private ReturnModel Return(string methodStem, List<ElementModel> returnParts, HashSet<string> returnNames, bool bare)
    {
        var key = (methodStem, returnParts.ToEquatableArray(), bare);
        if (_shared.Returns.TryGetValue(key, out var shared))
        {
            return shared;
        }

        string? recordName = null;
        if (returnParts.Count > 1)
        {
            // Several parts become a record named <Operation>Result; a part may not share its record's name (CS0542).
            recordName = CSharpNames.Unique(methodStem + "Result", _shared.TypeNames);
            returnNames.Add(recordName);
            returnParts = returnParts.Select(p => p.Name == recordName ? p with { Name = CSharpNames.Unique(p.Name, returnNames) } : p).ToList();
        }

        // A response reader collects each part in a local of its own.
        var partVariables = new HashSet<string>(StringComparer.Ordinal) { "reader" };
        returnParts = returnParts.Select(p => p with { Variable = CSharpNames.Unique(CSharpNames.ToCamelCase(p.Name), partVariables) }).ToList();

        var readerName = CSharpNames.Unique("Read" + methodStem + "Response", _shared.SerializerMethods);
        return _shared.Returns[key] = new ReturnModel(returnParts.ToEquatableArray(), recordName, readerName, bare);
    }

    /// <summary>Decides how each body element is a method parameter (see <see cref="ParameterModel"/>).</summary>
    private static List<ElementModel> AsParameters(List<ElementModel> elements, bool literal)
    {
        var result = new ElementModel[elements.Count];
        var trailing = true;
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            var element = elements[i];

            // A fixed element left null is sent with its fixed value, so the caller need not pass it.
            var optional = element.Optional || element.IsFixed;
            var valueRequired = element.Type.IsValueType && !element.Repeated && !optional;
            var throwIfNull = literal && !optional && element.OmitWhenNull && !valueRequired;
            var nullable = !valueRequired && !throwIfNull;
            var type = !nullable ? (element.Repeated ? element.ArrayType : element.Type.CSharpName) : element.NullableType;
            trailing &= optional && nullable;
            result[i] = element with { Parameter = new ParameterModel(type, nullable, throwIfNull, DefaultsToNull: trailing) };
        }

        return result.ToList();
    }

    /// <summary>The parts of a message that go in the Body: those <c>soap:body parts=</c> lists, else those no <c>soap:header</c> of the same message takes.</summary>
    private EquatableArray<WsdlPart> BodyParts(WsdlMessage? message, WsdlBody body, SourcePosition at)
    {
        if (message is null)
        {
            return EquatableArray<WsdlPart>.Empty;
        }

        if (body.Parts is { } listed)
        {
            foreach (var name in listed.Where(name => message.Parts.All(p => p.Name != name)))
            {
                Report(DiagnosticDescriptors.UnresolvedReference, at, "part", name, "soap:body parts= names a part the message '" + message.Name.Name + "' does not have");
            }

            return message.Parts.Where(p => listed.Contains(p.Name)).ToEquatableArray();
        }

        // Without parts=, WSDL says every part is in the body; a part that a soap:header of this message carries is
        // nonetheless not sent twice (WSDLs written for WCF rely on this).
        return message.Parts
            .Where(p => !body.Headers.Any(h => h.Message.Name == message.Name.Name && h.Part == p.Name))
            .ToEquatableArray();
    }

    /// <summary>
    /// The part a soap:header names, and the element it travels as: a global element for element= parts, else an element
    /// named after the part, in the header's namespace= (encoded) or, for rpc, the body's namespace.
    /// </summary>
    private HeaderPart? HeaderPartOf(WsdlHeader header, string? rpcNamespace)
    {
        var message = MessageByLocalName(header.Message.Name);
        var part = message?.Parts.FirstOrDefault(p => p.Name == header.Part);
        if (part is null)
        {
            Report(DiagnosticDescriptors.UnresolvedReference, header.Position, "header part", header.Message.Name + "/" + header.Part, "the header is not sent or read");
            return null;
        }

        var encoded = header.Use == "encoded";
        if (part.Element is { } element)
        {
            return new HeaderPart(part.Name, element.Name, element.Namespace.Length == 0 ? null : element.Namespace, null, element, encoded, part.Position);
        }

        if (part.Type is null)
        {
            Report(DiagnosticDescriptors.InvalidWsdl, part.Position, "The header part '" + part.Name + "' has neither a type nor an element; it is not sent or read");
            return null;
        }

        var ns = header.Namespace ?? rpcNamespace;
        return new HeaderPart(part.Name, part.Name, string.IsNullOrEmpty(ns) ? null : ns, part.Type, null, encoded, part.Position);
    }

    // Lookups every operation makes (SoftLayer_Account: hundreds of operations, each with several headers, over a thousand messages).
    private WsdlMessage? MessageByLocalName(string name) =>
        (_messagesByLocalName ??= FirstByName(_description.Messages, m => m.Name.Name)).TryGetValue(name, out var message) ? message : null;

    private SchemaElement? DescribedElement(QName name) =>
        (_elements ??= FirstByName(_description.Elements, e => e.Name)).TryGetValue(name, out var element) ? element : null;

    // The first item of each name, as FirstOrDefault would find it.
    private static Dictionary<TKey, T> FirstByName<TKey, T>(IEnumerable<T> items, Func<T, TKey> name)
        where TKey : notnull
    {
        var byName = new Dictionary<TKey, T>();
        foreach (var item in items)
        {
            var key = name(item);
            if (!byName.ContainsKey(key))
            {
                byName.Add(key, item);
            }
        }

        return byName;
    }

    private static ElementModel Parameter(string localName, string? ns, TypeRef type, HashSet<string> taken, bool camel) =>
        new(UniqueName(localName, taken, camel), localName, ns, type, Repeated: false, Optional: false, OmitWhenNull: false);

    /// <summary>Parameters are camelCase, response parts (record properties) PascalCase.</summary>
    private static string UniqueName(string localName, HashSet<string> taken, bool camel) =>
        CSharpNames.Unique(camel ? CSharpNames.ToCamelCase(localName) : CSharpNames.ToPascalCase(localName), taken);

    private ElementModel Parameter(SchemaMember member, TypeUsage usage, HashSet<string> taken, bool camel)
    {
        var type = Types.ResolveMember(member, "the wrapper member '" + member.Name + "'", usage);
        return Types.MemberElement(UniqueName(member.Name, taken, camel), member, type, "the wrapper member '" + member.Name + "'", usage);
    }

    /// <summary>A document-style part: the element it names (qualified by that element's namespace), or for a
    /// type= part, an unqualified element named after the part.</summary>
    private ElementModel BarePart(WsdlPart part, string operationName, TypeUsage usage, HashSet<string> taken, bool camel)
    {
        if (part.Element is not { } elementName)
        {
            return Parameter(part.Name, null, ResolvePart(part, operationName, usage), taken, camel) with { Documentation = part.Documentation };
        }

        var element = Types.FindElement(elementName, part.Position);
        var type = element?.Type is { } elementType ? Types.Resolve(elementType, part.Position, "part '" + part.Name + "' of " + operationName, usage) : XsdScalarTypes.XElement;

        // The part is its element: a null has a form only when the element is nillable; its default or fixed value is the
        // part's; when it heads a substitution group, any member of the group may be the Body's element instead.
        var (value, isFixed) = element is null ? (null, false) : SchemaTypeMapper.ValueOf(element, type);
        return Parameter(elementName.Name, elementName.Namespace, type, taken, camel) with
        {
            OmitWhenNull = element is not null && !element.Nillable,
            Documentation = part.Documentation,
            Default = value,
            IsFixed = isFixed,
            Substitutes = element is null ? default : Types.SubstitutesOf(element, type, "part '" + part.Name + "' of " + operationName, usage),
        };
    }

    /// <summary>The wrapper element and its members, when the parts follow the document/literal wrapped convention.</summary>
    private (QName Element, List<SchemaMember> Members)? Unwrap(EquatableArray<WsdlPart> parts, string expectedName)
    {
        if (parts.Count != 1 || parts[0].Element is not { } elementName || elementName.Name != expectedName)
        {
            return null;
        }

        var element = DescribedElement(elementName) ?? Types.FindElementQuietly(elementName);
        if (element?.Type is not { } typeName || Types.FindStruct(typeName) is not { } type)
        {
            return null;
        }

        var members = Types.AllMembers(type).ToList();
        if (members.Any(m => m.IsAttribute || m.IsWildcard || m.Alternatives.Count > 0 || m.UnsupportedReason is not null))
        {
            return null;
        }

        return (elementName, members);
    }

    private WsdlMessage? FindMessage(QName? name, SourcePosition at, string direction)
    {
        if (name is null)
        {
            return null;
        }

        // Matched by local name: real WSDLs often bind "tns:" to a namespace that differs from targetNamespace by a slash.
        var message = MessageByLocalName(name.Value.Name);
        if (message is null)
        {
            Report(DiagnosticDescriptors.UnresolvedReference, at, direction + " message", name.Value.Name, "it is treated as having no parts");
        }

        return message;
    }

    private TypeRef ResolvePart(WsdlPart part, string operationName, TypeUsage usage)
    {
        if (part.Type is { } type)
        {
            return Types.Resolve(type, part.Position, "part '" + part.Name + "' of " + operationName, usage);
        }

        Report(DiagnosticDescriptors.UnsupportedConstruct, part.Position,
            "The element-typed part '" + part.Name + "' in an rpc operation", "it is generated as XElement");
        return XsdScalarTypes.XElement;
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourcePosition position, params string[] arguments) =>
        _diagnostics.Report(descriptor, position, arguments);
}
