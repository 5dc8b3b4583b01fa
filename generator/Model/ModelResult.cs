using SoapGen.Generator.Common;
using SoapGen.Generator.Diagnostics;

namespace SoapGen.Generator.Model;

/// <summary>The model of one C# namespace (null when nothing can be generated) and every diagnostic of its WSDLs.</summary>
internal sealed record ModelResult(NamespaceModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
