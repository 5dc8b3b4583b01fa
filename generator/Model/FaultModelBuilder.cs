using System;
using System.Collections.Generic;
using System.Linq;
using SoapGen.Generator.Common;
using SoapGen.Generator.Diagnostics;
using SoapGen.Generator.Wsdl;

namespace SoapGen.Generator.Model;

/// <summary>
/// Decides, for one client, the faults its operations declare (<c>wsdl:fault</c>): one descriptor per detail element,
/// named once, whose type is read from replies. A fault carrying that element becomes <c>SoapFaultException&lt;T&gt;</c>.
/// </summary>
internal sealed class FaultModelBuilder
{
    private readonly SchemaTypeMapper _types;
    private readonly Func<QName, SourcePosition, WsdlMessage?> _findMessage;
    private readonly Dictionary<(string LocalName, string Namespace), FaultModel> _faults = new();
    private readonly HashSet<string> _descriptorNames = new(StringComparer.Ordinal) { "GetType", "ToString", "Equals", "GetHashCode", "ReferenceEquals", "MemberwiseClone" };

    public FaultModelBuilder(SchemaTypeMapper types, Func<QName, SourcePosition, WsdlMessage?> findMessage)
    {
        _types = types;
        _findMessage = findMessage;
    }

    public EquatableArray<FaultModel> Build() => _faults.Values.ToEquatableArray();

    /// <summary>The descriptor names of an operation's declared faults (those whose message has exactly one part).</summary>
    public EquatableArray<string> Declare(WsdlOperation operation) => operation.Faults
        .Select(fault => Declare(fault, operation))
        .Where(name => name is not null)
        .Select(name => name!)
        .Distinct()
        .ToEquatableArray();

    private string? Declare(WsdlFault fault, WsdlOperation operation)
    {
        if (_findMessage(fault.Message, operation.Position) is not { } message)
        {
            return null;
        }

        if (message.Parts.Count != 1)
        {
            _types.Diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, message.Position,
                "A fault message with " + message.Parts.Count + " parts ('" + message.Name.Name + "')", "the fault keeps its detail as XML only");
            return null;
        }

        var part = message.Parts[0];
        var usedBy = "the fault '" + fault.Name + "' of " + operation.Name;

        // An element part is the detail entry itself; a type part travels as an entry named after the part (SOAP encoding).
        string localName;
        string? ns;
        TypeRef type;
        if (part.Element is { } element)
        {
            (localName, ns) = (element.Name, element.Namespace.Length == 0 ? null : element.Namespace);
            var declared = _types.FindElement(element, part.Position);
            type = declared?.Type is { } elementType ? _types.Resolve(elementType, part.Position, usedBy, TypeUsage.Read) : XsdScalarTypes.XElement;
        }
        else if (part.Type is { } typeName)
        {
            (localName, ns) = (part.Name, null);
            type = _types.Resolve(typeName, part.Position, usedBy, TypeUsage.Read);
        }
        else
        {
            return null;
        }

        var key = (localName, ns ?? string.Empty);
        if (!_faults.TryGetValue(key, out var model))
        {
            model = new FaultModel(CSharpNames.Unique(CSharpNames.ToPascalCase(fault.Name), _descriptorNames), fault.Name, localName, ns, type);
            _faults.Add(key, model);
        }

        return model.DescriptorName;
    }
}
