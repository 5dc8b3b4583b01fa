using SoapGen.Generator.Common;
using SoapGen.Generator.Diagnostics;

namespace SoapGen.Generator.Wsdl;

/// <summary>What reading one WSDL produced: the description (null when the file is unusable) and the problems found.</summary>
internal sealed record WsdlReadResult(WsdlDescription? Description, EquatableArray<DiagnosticInfo> Diagnostics);
