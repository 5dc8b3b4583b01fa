using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SoapGen.Generator.Common;

namespace SoapGen.Generator.Diagnostics;

/// <summary>
/// A position in a WSDL or XSD file (1-based, as XmlReader's line info reports it). <see cref="File"/> names the
/// imported document the position is in; null means the WSDL being generated.
/// </summary>
internal readonly record struct SourcePosition(int Line, int Column, string? File = null)
{
    public static readonly SourcePosition Unknown = new(0, 0);
}

/// <summary>
/// A diagnostic as a plain value: a Roslyn <see cref="Location"/> is not equatable across runs,
/// so the pipeline carries the file path and line/column and builds the Diagnostic only when reporting.
/// </summary>
internal sealed record DiagnosticInfo(string Id, string FilePath, SourcePosition Position, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string filePath, SourcePosition position, params string[] arguments) =>
        new(descriptor.Id, filePath, position, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic()
    {
        var descriptor = DiagnosticDescriptors.Find(Id) ?? DiagnosticDescriptors.InternalError;
        var line = Math.Max(Position.Line - 1, 0);
        var column = Math.Max(Position.Column - 1, 0);
        var start = new LinePosition(line, column);
        var location = Location.Create(Position.File ?? FilePath, default, new LinePositionSpan(start, start));
        return Diagnostic.Create(descriptor, location, Arguments.Cast<object>().ToArray());
    }
}
