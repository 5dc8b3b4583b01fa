using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SoapGen.Generator.Common;

namespace SoapGen.Generator.Diagnostics;

/// <summary>Collects the diagnostics of one WSDL, each once: a type is resolved once per use, a problem is reported once.</summary>
internal sealed class DiagnosticBag
{
    private readonly string _filePath;
    private readonly List<DiagnosticInfo> _items = new();
    private readonly HashSet<DiagnosticInfo> _seen = new();

    public DiagnosticBag(string filePath) => _filePath = filePath;

    public void Report(DiagnosticDescriptor descriptor, SourcePosition position, params string[] arguments)
    {
        var diagnostic = DiagnosticInfo.Create(descriptor, _filePath, position, arguments);
        if (_seen.Add(diagnostic))
        {
            _items.Add(diagnostic);
        }
    }

    public EquatableArray<DiagnosticInfo> ToEquatableArray() => _items.ToEquatableArray();
}
