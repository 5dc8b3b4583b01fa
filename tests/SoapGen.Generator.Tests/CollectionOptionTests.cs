using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// SoapGenCollections reaches the model: by default a type of one repeated element is the array itself, with "wrapper"
/// a record. Proven by user code that compiles against one shape and not the other.
/// </summary>
public class CollectionOptionTests
{
    private const string Wsdl = """
        <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
                     xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:c" targetNamespace="urn:c">
          <types>
            <xsd:schema targetNamespace="urn:c" elementFormDefault="qualified">
              <xsd:complexType name="ArrayOfString"><xsd:sequence><xsd:element name="string" type="xsd:string" minOccurs="0" maxOccurs="unbounded"/></xsd:sequence></xsd:complexType>
              <xsd:complexType name="Holder"><xsd:sequence><xsd:element name="Tags" type="tns:ArrayOfString" minOccurs="0"/></xsd:sequence></xsd:complexType>
              <xsd:element name="Echo"><xsd:complexType><xsd:sequence><xsd:element name="holder" type="tns:Holder"/></xsd:sequence></xsd:complexType></xsd:element>
              <xsd:element name="EchoResponse"><xsd:complexType><xsd:sequence><xsd:element name="EchoResult" type="tns:Holder"/></xsd:sequence></xsd:complexType></xsd:element>
            </xsd:schema>
          </types>
          <message name="EchoIn"><part name="parameters" element="tns:Echo"/></message>
          <message name="EchoOut"><part name="parameters" element="tns:EchoResponse"/></message>
          <portType name="P"><operation name="Echo"><input message="tns:EchoIn"/><output message="tns:EchoOut"/></operation></portType>
          <binding name="B" type="tns:P"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
            <operation name="Echo"><soap:operation soapAction="urn:c#Echo"/><input><soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation>
          </binding>
          <service name="S"><port name="SP" binding="tns:B"><soap:address location="http://localhost/c"/></port></service>
        </definitions>
        """;

    private const string UsesArrays = "static class User { static string[]? Tags(C.Holder h) => h.Tags; }";
    private const string UsesWrappers = "static class User { static string[]? Tags(C.Holder h) => h.Tags?.String; }";

    [Theory]
    [InlineData(null, UsesArrays, true)]
    [InlineData("array", UsesArrays, true)]
    [InlineData("wrapper", UsesArrays, false)]
    [InlineData("wrapper", UsesWrappers, true)]
    [InlineData(null, UsesWrappers, false)]
    public void The_metadata_chooses_arrays_or_wrapper_records(string? collections, string userSource, bool compiles)
    {
        var metadata = new Dictionary<string, string> { ["SoapGenNamespace"] = "C" };
        if (collections is not null)
        {
            metadata["SoapGenCollections"] = collections;
        }

        var result = GeneratorHarness.Run("c.wsdl", Wsdl, metadata, userSource);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Equal(compiles, !result.CompileErrors.Any());
    }
}
