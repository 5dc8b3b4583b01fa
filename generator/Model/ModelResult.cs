using SoapGen.Generator.Common;
using SoapGen.Generator.Diagnostics;

namespace SoapGen.Generator.Model;

/// <summary>The model built from one WSDL (null when nothing can be generated) and every diagnostic so far.</summary>
internal sealed record ModelResult(ServiceModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
