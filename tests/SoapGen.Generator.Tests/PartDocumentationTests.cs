using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// A part's <c>wsdl:documentation</c> becomes its parameter's XML doc (what IntelliSense shows); once any part of an
/// operation is documented, every parameter is, so a project that builds its docs gets no CS1573.
/// </summary>
public class PartDocumentationTests
{
    private const string Wsdl = """
        <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
                     xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:docs" targetNamespace="urn:docs">
          <message name="lookupRequest">
            <part name="city" type="xsd:string"><documentation>The city, as the post spells it (&amp; no &lt;abbreviations&gt;).</documentation></part>
            <part name="days" type="xsd:int"/>
          </message>
          <message name="lookupResponse"><part name="return" type="xsd:string"/></message>
          <message name="plainRequest"><part name="value" type="xsd:string"/></message>
          <message name="plainResponse"><part name="return" type="xsd:string"/></message>
          <portType name="DocsPort">
            <operation name="lookup"><input message="tns:lookupRequest"/><output message="tns:lookupResponse"/></operation>
            <operation name="plain"><input message="tns:plainRequest"/><output message="tns:plainResponse"/></operation>
          </portType>
          <binding name="DocsBinding" type="tns:DocsPort">
            <soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
            <operation name="lookup"><soap:operation soapAction="urn:docs#lookup"/>
              <input><soap:body use="encoded" namespace="urn:docs" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></input>
              <output><soap:body use="encoded" namespace="urn:docs" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></output>
            </operation>
            <operation name="plain"><soap:operation soapAction="urn:docs#plain"/>
              <input><soap:body use="encoded" namespace="urn:docs" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></input>
              <output><soap:body use="encoded" namespace="urn:docs" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></output>
            </operation>
          </binding>
          <service name="Docs"><port name="DocsPort" binding="tns:DocsBinding"><soap:address location="http://localhost/docs"/></port></service>
        </definitions>
        """;

    [Fact]
    public void APartsDocumentationIsItsParametersDocAndTheOthersGetOneToo()
    {
        var result = GeneratorHarness.Run("docs.wsdl", Wsdl, new Dictionary<string, string> { ["SoapGenNamespace"] = "Docs" });
        Assert.Empty(result.CompileErrors);

        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var compilation = CSharpCompilation.Create(
            "Docs",
            result.Run.GeneratedTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), parse, t.FilePath)),
            Basic.Reference.Assemblies.Net100.References.All.Concat(new[] { MetadataReference.CreateFromFile(typeof(SoapGen.Runtime.SoapTransport).Assembly.Location) }),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        IMethodSymbol lookup = compilation.GetTypeByMetadataName("Docs.IDocsClient")!.GetMembers("LookupAsync").OfType<IMethodSymbol>().Single();
        IMethodSymbol plain = compilation.GetTypeByMetadataName("Docs.IDocsClient")!.GetMembers("PlainAsync").OfType<IMethodSymbol>().Single();

        var doc = System.Xml.Linq.XElement.Parse(lookup.GetDocumentationCommentXml()!);
        var parameters = doc.Elements("param").ToDictionary(p => (string)p.Attribute("name")!, p => p.Value);
        Assert.Equal("The city, as the post spells it (& no <abbreviations>).", parameters["city"]);
        Assert.Equal(new[] { "city", "days", "cancellationToken" }, parameters.Keys);
        Assert.Empty(System.Xml.Linq.XElement.Parse("<d>" + plain.GetDocumentationCommentXml() + "</d>").Descendants("param"));
        Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Id is "CS1572" or "CS1573" or "CS1570");
    }
}
