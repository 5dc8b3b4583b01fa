namespace SoapGen.Generator.Wsdl;

/// <summary>An AdditionalFiles document (WSDL or XSD) that a WSDL may import: its path and text.</summary>
internal sealed record SourceDocument(string Path, string Text);
