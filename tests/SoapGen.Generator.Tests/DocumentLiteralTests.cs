using System.Linq;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>document/literal operations: wrapped ones are unwrapped into parameters, bare parts stay whole.</summary>
public class DocumentLiteralTests
{
    private const string Wsdl = """
        <?xml version="1.0"?>
        <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
                     xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:weather" targetNamespace="urn:weather">
          <types>
            <xsd:schema targetNamespace="urn:weather" elementFormDefault="qualified">
              <xsd:element name="GetForecast">
                <xsd:complexType><xsd:sequence>
                  <xsd:element name="city" type="xsd:string"/>
                  <xsd:element name="days" type="xsd:int" minOccurs="0"/>
                  <xsd:element name="tags" type="xsd:string" minOccurs="0" maxOccurs="unbounded"/>
                </xsd:sequence></xsd:complexType>
              </xsd:element>
              <xsd:element name="GetForecastResponse">
                <xsd:complexType><xsd:sequence>
                  <xsd:element name="GetForecastResult" type="tns:Forecast" nillable="true"/>
                </xsd:sequence></xsd:complexType>
              </xsd:element>
              <xsd:element name="GetStations">
                <xsd:complexType><xsd:sequence/></xsd:complexType>
              </xsd:element>
              <xsd:element name="GetStationsResponse">
                <xsd:complexType><xsd:sequence>
                  <xsd:element name="station" type="xsd:string" maxOccurs="unbounded"/>
                  <xsd:element name="total" type="xsd:int"/>
                </xsd:sequence></xsd:complexType>
              </xsd:element>
              <xsd:element name="PingRequest" type="tns:Forecast"/>
              <xsd:element name="Pong" type="xsd:string"/>
              <xsd:complexType name="Forecast">
                <xsd:sequence>
                  <xsd:element name="high" type="xsd:double"/>
                  <xsd:element name="summary" type="xsd:string" minOccurs="0"/>
                  <xsd:element name="note" type="xsd:string" nillable="true"/>
                  <xsd:element name="day" maxOccurs="unbounded">
                    <xsd:complexType><xsd:sequence><xsd:element name="name" type="xsd:string"/></xsd:sequence></xsd:complexType>
                  </xsd:element>
                </xsd:sequence>
              </xsd:complexType>
            </xsd:schema>
          </types>
          <message name="GetForecastIn"><part name="parameters" element="tns:GetForecast"/></message>
          <message name="GetForecastOut"><part name="parameters" element="tns:GetForecastResponse"/></message>
          <message name="GetStationsIn"><part name="parameters" element="tns:GetStations"/></message>
          <message name="GetStationsOut"><part name="parameters" element="tns:GetStationsResponse"/></message>
          <message name="PingIn"><part name="body" element="tns:PingRequest"/></message>
          <message name="PingOut"><part name="body" element="tns:Pong"/></message>
          <portType name="WeatherPort">
            <operation name="GetForecast"><input message="tns:GetForecastIn"/><output message="tns:GetForecastOut"/></operation>
            <operation name="GetStations"><input message="tns:GetStationsIn"/><output message="tns:GetStationsOut"/></operation>
            <operation name="Ping"><input message="tns:PingIn"/><output message="tns:PingOut"/></operation>
          </portType>
          <binding name="WeatherBinding" type="tns:WeatherPort">
            <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
            <operation name="GetForecast"><soap:operation soapAction="urn:weather/GetForecast"/>
              <input><soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation>
            <operation name="GetStations"><soap:operation soapAction="urn:weather/GetStations"/>
              <input><soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation>
            <operation name="Ping"><soap:operation soapAction="urn:weather/Ping"/>
              <input><soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation>
          </binding>
          <service name="Weather"><port name="WeatherSoap" binding="tns:WeatherBinding"><soap:address location="http://localhost/weather"/></port></service>
        </definitions>
        """;

    private static string Generate()
    {
        var result = GeneratorHarness.Run("weather.wsdl", Wsdl);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileErrors);
        return string.Join("\n", result.Sources.Select(s => s.Source));
    }

    [Fact]
    public void WrappedRequestIsUnwrappedIntoParameters()
    {
        var source = Generate();

        Assert.Contains("global::System.Threading.Tasks.Task<global::Weather.Forecast?> GetForecastAsync(string city, int? days = null, string[]? tags = null, global::System.Threading.CancellationToken cancellationToken = default);", source);
        Assert.Contains("writer.WriteStartElement(\"GetForecast\", \"urn:weather\");", source);
        Assert.Contains("writer.WriteString(\"city\", \"urn:weather\", request.city, encoded: false);", source);
    }

    [Fact]
    public void NullLiteralElementsAreLeftOutUnlessNillableAndRepeatedOnesAreWrittenPerItem()
    {
        var source = Generate();

        Assert.Contains("if (request.days is not null)", source);
        // city is required and not nillable: a null is refused before sending, so it is written without a check.
        Assert.DoesNotContain("if (request.city is not null)", source);
        Assert.Contains("global::System.ArgumentNullException.ThrowIfNull(city);", source);
        Assert.Contains("if (value.Summary is not null)", source);
        Assert.Contains("foreach (var item in request.tags ?? global::System.Array.Empty<string>())", source);
        Assert.Contains("writer.WriteString(\"note\", \"urn:weather\", value.Note, encoded: false);", source);
        Assert.DoesNotContain("value.Note is not null", source);
    }

    [Fact]
    public void WrappedResponseWithSeveralMembersBecomesAResultRecord()
    {
        var source = Generate();

        Assert.Contains("GetStationsAsync(global::System.Threading.CancellationToken cancellationToken = default)", source);
        Assert.Contains("public sealed partial record GetStationsResult", source);
        Assert.Contains("public string[]? Station { get; init; }", source);
        Assert.Contains("public int? Total { get; init; }", source);
        Assert.Contains("writeBody: global::SoapGen.Runtime.SoapBodies.EmptyWrapper<global::System.ValueTuple>(\"GetStations\", \"urn:weather\")", source);
    }

    [Fact]
    public void BarePartsAreWholeElementsAndAnonymousMemberTypesAreNamedAfterTheirOwner()
    {
        var source = Generate();

        // The part is a global element that is not nillable: a null cannot be sent, so the parameter is not nullable.
        Assert.Contains("global::System.Threading.Tasks.Task<string?> PingAsync(global::Weather.Forecast pingRequest,", source);
        Assert.Contains("WeatherSerializer.WriteForecast(writer, \"PingRequest\", \"urn:weather\", request, encoded: false);", source);
        Assert.Contains("readBody: static reader => reader.ReadString()", source); // the body element is the value: no wrapper to enter
        Assert.Contains("public sealed partial record ForecastDay", source);
        Assert.Contains("public global::Weather.ForecastDay[]? Day { get; init; }", source);
    }
}
