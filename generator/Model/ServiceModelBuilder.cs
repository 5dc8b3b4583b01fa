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
    private readonly GeneratorOptions _options;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly HashSet<DiagnosticInfo> _reported = new();
    private readonly Dictionary<QName, SchemaType> _schemaTypes = new();
    private readonly Dictionary<QName, string> _structNames = new();
    private readonly Dictionary<QName, TypeRef> _resolved = new();
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _serializerMethods = new(StringComparer.Ordinal);
    private readonly HashSet<QName> _readTypes = new();
    private readonly HashSet<QName> _writtenTypes = new();
    private string _namespace = string.Empty;

    private ServiceModelBuilder(WsdlDescription description, GeneratorOptions options)
    {
        _description = description;
        _options = options;
    }

    public static ModelResult Build(WsdlReadResult read, GeneratorOptions options)
    {
        if (read.Description is null)
        {
            return new ModelResult(null, read.Diagnostics);
        }

        var builder = new ServiceModelBuilder(read.Description, options);
        var model = builder.Build();
        return new ModelResult(model, read.Diagnostics.Concat(builder._diagnostics).ToEquatableArray());
    }

    private ServiceModel? Build()
    {
        var fileName = Path.GetFileNameWithoutExtension(_description.FilePath);
        _namespace = _options.Namespace ?? CSharpNames.ToPascalCase(fileName);
        if (!CSharpNames.IsValidNamespace(_namespace))
        {
            Report(DiagnosticDescriptors.InvalidConfiguration, SourcePosition.Unknown, "SoapGenNamespace", _namespace, "it is not a valid C# namespace");
            return null;
        }

        var accessibility = _options.Accessibility ?? "public";
        if (accessibility is not ("public" or "internal"))
        {
            Report(DiagnosticDescriptors.InvalidConfiguration, SourcePosition.Unknown, "SoapGenAccessibility", accessibility, "use public or internal");
            return null;
        }

        if (_options.ClientName is { } clientName && !CSharpNames.IsValidTypeName(clientName))
        {
            Report(DiagnosticDescriptors.InvalidConfiguration, SourcePosition.Unknown, "SoapGenClientName", clientName, "it is not a valid C# type name");
            return null;
        }

        foreach (var type in _description.Types)
        {
            if (!_schemaTypes.ContainsKey(type.Name))
            {
                _schemaTypes.Add(type.Name, type);
            }
        }

        // Client names are taken first so a schema type called "MyapiClient" yields, not the client.
        var ports = SoapPorts();
        var clientNames = ports.Select(p => ChooseClientName(p.Service, p.Port, ports.Count)).ToList();
        foreach (var name in clientNames)
        {
            _typeNames.Add(name);
            _typeNames.Add("I" + name);
        }

        var serializerName = CSharpNames.Unique(CSharpNames.ToPascalCase(fileName) + "Serializer", _typeNames);
        NameStructTypes();

        var clients = new List<ClientModel>();
        for (var i = 0; i < ports.Count; i++)
        {
            clients.Add(BuildClient(ports[i].Service, ports[i].Port, ports[i].Binding, clientNames[i]));
        }

        if (clients.Count == 0)
        {
            Report(DiagnosticDescriptors.NoSoapPort, SourcePosition.Unknown, Path.GetFileName(_description.FilePath));
        }

        var types = _structNames
            .Where(pair => _readTypes.Contains(pair.Key) || _writtenTypes.Contains(pair.Key))
            .Select(pair => BuildTypeModel(_schemaTypes[pair.Key], pair.Value))
            .ToEquatableArray();

        return new ServiceModel(fileName, _namespace, accessibility, types, clients.ToEquatableArray(), serializerName);
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
                if (!bindings.TryGetValue(port.Binding, out var binding))
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

        var stem = portCount == 1 ? service.Name : port.Name;
        return CSharpNames.Unique(CSharpNames.ToPascalCase(stem) + "Client", _typeNames);
    }

    private void NameStructTypes()
    {
        foreach (var type in _description.Types.Where(t => t.Kind == SchemaTypeKind.Struct))
        {
            if (!_structNames.ContainsKey(type.Name))
            {
                var name = CSharpNames.Unique(CSharpNames.ToPascalCase(type.Name.Name), _typeNames);
                _structNames.Add(type.Name, name);
                _serializerMethods.Add("Read" + name);
                _serializerMethods.Add("Write" + name);
            }
        }
    }

    private ClientModel BuildClient(WsdlService service, WsdlPort port, WsdlBinding binding, string clientName)
    {
        var portType = _description.PortTypes.FirstOrDefault(p => p.Name == binding.PortType);
        if (portType is null)
        {
            Report(DiagnosticDescriptors.UnresolvedReference, binding.Position, "portType", binding.PortType.Name, "the binding has no operations");
        }

        var methodNames = new HashSet<string>(StringComparer.Ordinal) { "CreateSession", "Endpoint", "Transport" };
        var operations = new List<OperationModel>();
        foreach (var bindingOperation in binding.Operations)
        {
            var operation = portType?.Operations.FirstOrDefault(o => o.Name == bindingOperation.Name);
            if (operation is null)
            {
                if (portType is not null)
                {
                    Report(DiagnosticDescriptors.UnresolvedReference, bindingOperation.Position, "operation", bindingOperation.Name, "it is skipped");
                }

                continue;
            }

            var built = BuildOperation(binding, bindingOperation, operation, methodNames);
            if (built is not null)
            {
                operations.Add(built);
            }
        }

        var session = BuildSession(clientName, operations);
        return new ClientModel(
            clientName,
            "I" + clientName,
            service.Documentation,
            port.Address,
            binding.Version == SoapBindingVersion.Soap12,
            operations.ToEquatableArray(),
            session);
    }

    private OperationModel? BuildOperation(WsdlBinding binding, WsdlBindingOperation bindingOperation, WsdlOperation operation, HashSet<string> methodNames)
    {
        if (bindingOperation.Input.HasHeaders || bindingOperation.Output.HasHeaders)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, bindingOperation.Position,
                "soap:header in operation '" + operation.Name + "'", "the headers are not sent or read");
        }

        var inputParts = FindMessage(operation.Input, operation.Position, "input")?.Parts ?? EquatableArray<WsdlPart>.Empty;
        var outputParts = FindMessage(operation.Output, operation.Position, "output")?.Parts ?? EquatableArray<WsdlPart>.Empty;
        var encoded = bindingOperation.Input.Use == "encoded";
        var methodStem = CSharpNames.ToPascalCase(operation.Name);
        var readerName = CSharpNames.Unique("Read" + methodStem + "Response", _serializerMethods);
        var parameterNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken" };
        var returnNames = new HashSet<string>(StringComparer.Ordinal);

        OperationStyle style;
        string wrapperName;
        string? wrapperNamespace;
        List<ElementModel> parameters;
        List<ElementModel> returnParts;
        var bare = false;
        if ((bindingOperation.Style ?? binding.Style) == "rpc")
        {
            style = OperationStyle.Rpc;
            wrapperName = operation.Name;
            wrapperNamespace = bindingOperation.Input.Namespace ?? _description.TargetNamespace;
            parameters = inputParts.Select(part => Parameter(part.Name, null, ResolvePart(part, operation.Name, _writtenTypes), parameterNames, camel: true)).ToList();
            returnParts = outputParts.Select(part => Parameter(part.Name, null, ResolvePart(part, operation.Name, _readTypes), returnNames, camel: false)).ToList();
        }
        else
        {
            // document/literal: unwrap the single body element when it follows the wrapped convention (named after
            // the operation); otherwise every part is a body element of its own ("bare").
            if (Unwrap(inputParts, operation.Name, _writtenTypes) is { } request)
            {
                style = OperationStyle.Wrapped;
                (wrapperName, wrapperNamespace) = (request.Element.Name, request.Element.Namespace);
                parameters = request.Members.Select(member => Parameter(member, _writtenTypes, parameterNames, camel: true)).ToList();
            }
            else
            {
                style = OperationStyle.Bare;
                (wrapperName, wrapperNamespace) = (operation.Name, null);
                parameters = inputParts.Select(part => BarePart(part, operation.Name, _writtenTypes, parameterNames, camel: true)).ToList();
            }

            if (Unwrap(outputParts, operation.Name + "Response", _readTypes) is { } response)
            {
                returnParts = response.Members.Select(member => Parameter(member, _readTypes, returnNames, camel: false)).ToList();
            }
            else if (outputParts.Count <= 1)
            {
                bare = outputParts.Count == 1;
                returnParts = outputParts.Select(part => BarePart(part, operation.Name, _readTypes, returnNames, camel: false)).ToList();
            }
            else
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, operation.Position,
                    "A document-style response of several body parts ('" + operation.Name + "')", "the operation is skipped");
                return null;
            }
        }

        string? recordName = null;
        if (returnParts.Count > 1)
        {
            // Several parts become a record named <Operation>Result; a part may not share its record's name (CS0542).
            recordName = CSharpNames.Unique(methodStem + "Result", _typeNames);
            returnNames.Add(recordName);
            returnParts = returnParts.Select(p => p.Name == recordName ? p with { Name = CSharpNames.Unique(p.Name, returnNames) } : p).ToList();
        }

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
            new ReturnModel(returnParts.ToEquatableArray(), recordName, readerName, bare));
    }

    private static ElementModel Parameter(string localName, string? ns, TypeRef type, HashSet<string> taken, bool camel) =>
        new(CSharpNames.Unique(camel ? CSharpNames.ToCamelCase(localName) : CSharpNames.ToPascalCase(localName), taken), localName, ns, type, false, false);

    private ElementModel Parameter(SchemaMember member, HashSet<QName> usage, HashSet<string> taken, bool camel)
    {
        var type = ResolveMember(member, "the wrapper member '" + member.Name + "'", usage);
        return Parameter(member.Name, member.Namespace, type, taken, camel) with { Repeated = member.Repeated, OmitWhenNull = OmitWhenNull(member) };
    }

    /// <summary>A document-style part: the element it names (qualified by that element's namespace), or for a
    /// type= part, an unqualified element named after the part.</summary>
    private ElementModel BarePart(WsdlPart part, string operationName, HashSet<QName> usage, HashSet<string> taken, bool camel)
    {
        if (part.Element is not { } elementName)
        {
            return Parameter(part.Name, null, ResolvePart(part, operationName, usage), taken, camel);
        }

        var element = FindElement(elementName, part.Position);
        var type = element?.Type is { } elementType ? Resolve(elementType, part.Position, "part '" + part.Name + "' of " + operationName, usage) : XsdScalarTypes.XElement;
        return Parameter(elementName.Name, elementName.Namespace, type, taken, camel);
    }

    /// <summary>The wrapper element and its members, when the parts follow the document/literal wrapped convention.</summary>
    private (QName Element, List<SchemaMember> Members)? Unwrap(EquatableArray<WsdlPart> parts, string expectedName, HashSet<QName> usage)
    {
        if (parts.Count != 1 || parts[0].Element is not { } elementName || elementName.Name != expectedName)
        {
            return null;
        }

        var element = _description.Elements.FirstOrDefault(e => e.Name == elementName);
        if (element?.Type is not { } typeName || !_schemaTypes.TryGetValue(typeName, out var type) || type.Kind != SchemaTypeKind.Struct)
        {
            return null;
        }

        var members = AllMembers(type, 0).ToList();
        if (members.Any(m => m.IsAttribute || m.UnsupportedReason is not null))
        {
            return null;
        }

        return (elementName, members);
    }

    private SchemaElement? FindElement(QName name, SourcePosition at)
    {
        var element = _description.Elements.FirstOrDefault(e => e.Name == name);
        if (element is null)
        {
            Report(DiagnosticDescriptors.UnresolvedReference, at, "element", name.ToString(), "its value is generated as XElement");
        }

        return element;
    }

    /// <summary>An optional literal element that is not nillable is left out when null; sending xsi:nil would be invalid.</summary>
    private static bool OmitWhenNull(SchemaMember member) => member.MinOccurs == 0 && !member.Nillable;

    private WsdlMessage? FindMessage(QName? name, SourcePosition at, string direction)
    {
        if (name is null)
        {
            return null;
        }

        // Matched by local name: real WSDLs often bind "tns:" to a namespace that differs from targetNamespace by a slash.
        var message = _description.Messages.FirstOrDefault(m => m.Name.Name == name.Value.Name);
        if (message is null)
        {
            Report(DiagnosticDescriptors.UnresolvedReference, at, direction + " message", name.Value.Name, "it is treated as having no parts");
        }

        return message;
    }

    private TypeRef ResolvePart(WsdlPart part, string operationName, HashSet<QName> usage)
    {
        if (part.Type is { } type)
        {
            return Resolve(type, part.Position, "part '" + part.Name + "' of " + operationName, usage);
        }

        Report(DiagnosticDescriptors.UnsupportedConstruct, part.Position,
            "The element-typed part '" + part.Name + "' in an rpc operation", "it is generated as XElement");
        return XsdScalarTypes.XElement;
    }

    private TypeRef Resolve(QName name, SourcePosition at, string usedBy, HashSet<QName> usage, int depth = 0)
    {
        if (XsdScalarTypes.Find(name) is { } scalar)
        {
            return scalar;
        }

        if (XsdScalarTypes.IsBuiltInNamespace(name.Namespace) && name.Name is "anyType" or "Array" or "Struct" or "anySimpleType")
        {
            return XsdScalarTypes.XElement;
        }

        if (!_schemaTypes.TryGetValue(name, out var schemaType))
        {
            Report(DiagnosticDescriptors.UnresolvedType, at, name.ToString(), usedBy);
            return XsdScalarTypes.XElement;
        }

        if (depth > 32)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, schemaType.Position, "A type nested more than 32 levels deep", "it is generated as XElement");
            return XsdScalarTypes.XElement;
        }

        MarkUsed(schemaType, usage, depth);
        if (_resolved.TryGetValue(name, out var cached))
        {
            return cached;
        }

        TypeRef result;
        switch (schemaType.Kind)
        {
            case SchemaTypeKind.Struct:
                var typeName = _structNames[name];
                result = new TypeRef(TypeRefKind.Struct, "global::" + _namespace + "." + typeName, false, typeName, name.Namespace, name.Name, null);
                break;
            case SchemaTypeKind.Array:
                var item = Resolve(schemaType.ItemType!.Value, schemaType.Position, "the items of " + name.Name, usage, depth + 1);
                result = new TypeRef(TypeRefKind.Array, item.AsArrayItem + "[]", false, "Array", name.Namespace, name.Name, item);
                break;
            case SchemaTypeKind.Simple:
                result = schemaType.BaseType is { } baseType
                    ? Resolve(baseType, schemaType.Position, name.Name, usage, depth + 1)
                    : XsdScalarTypes.XElement;
                break;
            default:
                Report(DiagnosticDescriptors.UnsupportedConstruct, schemaType.Position, schemaType.UnsupportedReason ?? "This type", "'" + name.Name + "' is generated as XElement");

                result = XsdScalarTypes.XElement;
                break;
        }

        _resolved[name] = result;
        return result;
    }

    /// <summary>Records that a struct (and everything it contains) needs a reader or a writer.</summary>
    private void MarkUsed(SchemaType type, HashSet<QName> usage, int depth)
    {
        if (type.Kind == SchemaTypeKind.Array && type.ItemType is { } item && _schemaTypes.TryGetValue(item, out var itemType))
        {
            MarkUsed(itemType, usage, depth + 1);
        }

        if (type.Kind != SchemaTypeKind.Struct || !usage.Add(type.Name))
        {
            return;
        }

        foreach (var member in AllMembers(type, 0))
        {
            if (!member.IsAttribute && member.UnsupportedReason is null)
            {
                ResolveMember(member, type.Name.Name + "." + member.Name, usage, depth + 1);
            }
        }
    }

    /// <summary>A member's type: its own type=, or the type of the global element it references.</summary>
    private TypeRef ResolveMember(SchemaMember member, string usedBy, HashSet<QName> usage, int depth = 0)
    {
        if (member.UnsupportedReason is not null)
        {
            return XsdScalarTypes.XElement;
        }

        if (member.ElementRef is { } reference)
        {
            var element = FindElement(reference, member.Position);
            return element?.Type is { } elementType ? Resolve(elementType, member.Position, usedBy, usage, depth) : XsdScalarTypes.XElement;
        }

        return member.Type is { } type ? Resolve(type, member.Position, usedBy, usage, depth) : XsdScalarTypes.XElement;
    }

    private IEnumerable<SchemaMember> AllMembers(SchemaType type, int depth)
    {
        if (type.BaseType is { } baseName && depth < 32 && _schemaTypes.TryGetValue(baseName, out var baseType) && baseType.Kind == SchemaTypeKind.Struct)
        {
            foreach (var member in AllMembers(baseType, depth + 1))
            {
                yield return member;
            }
        }

        foreach (var member in type.Members)
        {
            yield return member;
        }
    }

    private TypeModel BuildTypeModel(SchemaType type, string name)
    {
        var usage = _readTypes.Contains(type.Name) ? _readTypes : _writtenTypes;
        var propertyNames = new HashSet<string>(StringComparer.Ordinal) { name, "EqualityContract", "IsOk" };
        var members = new List<ElementModel>();
        foreach (var member in AllMembers(type, 0))
        {
            var memberName = type.Name.Name + "." + member.Name;
            if (member.IsAttribute)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, member.Position, "The attribute '" + memberName + "'", "it is not read or written yet");
                continue;
            }

            if (member.UnsupportedReason is not null)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, member.Position, member.UnsupportedReason, "'" + memberName + "' is generated as XElement");
            }

            var memberType = ResolveMember(member, memberName, usage);
            var propertyName = CSharpNames.Unique(CSharpNames.ToPascalCase(member.Name), propertyNames);
            members.Add(new ElementModel(propertyName, member.Name, member.Namespace, memberType, member.Repeated, OmitWhenNull(member)));
        }

        var isStatusResult = members.Any(m => m.LocalName == "status" && m.Name == "Status" && m.Type.CSharpName == "string" && !m.Repeated)
            && members.Any(m => m.LocalName == "status_text" && m.Name == "StatusText" && m.Type.CSharpName == "string" && !m.Repeated);

        return new TypeModel(name, type.Name.Namespace, type.Name.Name, type.Documentation, members.ToEquatableArray(),
            isStatusResult, _readTypes.Contains(type.Name), _writtenTypes.Contains(type.Name));
    }

    private SessionModel? BuildSession(string clientName, List<OperationModel> operations)
    {
        var explicitLogin = _options.SessionLogin;
        var tokenName = _options.SessionToken;
        OperationModel? login;
        if (explicitLogin is not null)
        {
            login = operations.FirstOrDefault(o => o.OperationName == explicitLogin);
            if (login is null)
            {
                Report(DiagnosticDescriptors.SessionNotConfigured, SourcePosition.Unknown, "SoapGenSessionLogin names the operation '" + explicitLogin + "', which this WSDL does not have");
                return null;
            }
        }
        else
        {
            // Convention: an operation named "login" or "..._login"/"...Login" that returns one string.
            login = operations.FirstOrDefault(o =>
                (o.OperationName.Equals("login", StringComparison.OrdinalIgnoreCase) || o.OperationName.EndsWith("_login", StringComparison.OrdinalIgnoreCase) || o.OperationName.EndsWith("Login", StringComparison.Ordinal))
                && IsSingleString(o.Return) && o.Parameters.Count > 0 && o.Parameters.All(p => p.Type.CSharpName == "string"));
            if (login is null)
            {
                return null;
            }
        }

        if (!IsSingleString(login.Return))
        {
            Report(DiagnosticDescriptors.SessionNotConfigured, SourcePosition.Unknown, "The login operation '" + login.OperationName + "' must return a single string (the session token)");
            return null;
        }

        if (tokenName is null)
        {
            foreach (var candidate in new[] { "sid", "sessionId", "session_id", "sessionid", "session" })
            {
                if (operations.Any(o => o != login && o.Parameters.Any(p => p.LocalName == candidate)))
                {
                    tokenName = candidate;
                    break;
                }
            }
        }

        if (tokenName is null || !operations.Any(o => o != login && o.Parameters.Any(p => p.LocalName == tokenName && p.Type.CSharpName == "string")))
        {
            if (_options.SessionLogin is not null || _options.SessionToken is not null)
            {
                Report(DiagnosticDescriptors.SessionNotConfigured, SourcePosition.Unknown,
                    "No operation has a string parameter named '" + (tokenName ?? "sid") + "' to carry the session token (set SoapGenSessionToken)");
            }

            return null;
        }

        var stem = clientName.EndsWith("Client", StringComparison.Ordinal) ? clientName.Substring(0, clientName.Length - "Client".Length) : clientName;
        var className = CSharpNames.Unique(stem + "Session", _typeNames);
        return new SessionModel(className, CSharpNames.Unique("I" + className, _typeNames), login.MethodName, login.Parameters, tokenName, _options.SessionExpired);
    }

    private static bool IsSingleString(ReturnModel returns) => returns.Parts.Count == 1 && returns.Parts[0].Type.CSharpName == "string";

    // A type is resolved once per use (reader and writer, member and part): report each problem once.
    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourcePosition position, params string[] arguments)
    {
        var diagnostic = DiagnosticInfo.Create(descriptor, _description.FilePath, position, arguments);
        if (_reported.Add(diagnostic))
        {
            _diagnostics.Add(diagnostic);
        }
    }
}
