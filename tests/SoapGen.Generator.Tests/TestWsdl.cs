using System.Globalization;
using System.Linq;
using System.Text;

namespace SoapGen.Generator.Tests;

/// <summary>Builds the generator tests' WSDLs: an rpc/encoded service of one operation around the given messages or schema types.</summary>
internal static class TestWsdl
{
    public const string Head = """
        <?xml version="1.0"?>
        <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
                     xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:t" targetNamespace="urn:t">
        """;

    /// <summary>A WSDL whose operation <paramref name="operation"/> takes a <paramref name="inputType"/> and returns a <paramref name="outputType"/>.</summary>
    public static string Service(string schemaTypes, string inputType = "xsd:string", string outputType = "xsd:string", string operation = "op", string part = "value", string extraDefinitions = "")
    {
        var types = schemaTypes.Length == 0 ? string.Empty : "  <types><xsd:schema targetNamespace=\"urn:t\">\n" + schemaTypes + "\n  </xsd:schema></types>\n";
        return Head + "\n" + extraDefinitions + types + $"""
              <message name="{operation}Request"><part name="{part}" type="{inputType}"/></message>
              <message name="{operation}Response"><part name="return" type="{outputType}"/></message>
            """ + "\n" + RpcBinding(operation);
    }

    /// <summary>The portType, rpc/encoded binding and service of one operation whose messages are <c>{operation}Request</c>/<c>Response</c>, and the closing tag.</summary>
    public static string RpcBinding(string operation = "op") => $"""
          <portType name="P"><operation name="{operation}"><input message="tns:{operation}Request"/><output message="tns:{operation}Response"/></operation></portType>
          <binding name="B" type="tns:P">
            <soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
            <operation name="{operation}">
              <soap:operation soapAction="urn:t#{operation}"/>
              <input><soap:body use="encoded" namespace="urn:t" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></input>
              <output><soap:body use="encoded" namespace="urn:t" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></output>
            </operation>
          </binding>
          <service name="S"><port name="SPort" binding="tns:B"><soap:address location="http://localhost/s"/></port></service>
        </definitions>
        """;

    /// <summary>Types T0…T(n-1), each with a member of the next and the last with one of the first: a recursive chain.</summary>
    public static string RecursiveChain(int count)
    {
        var types = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var next = ((i + 1) % count).ToString(CultureInfo.InvariantCulture);
            types.Append("<xsd:complexType name=\"T").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\"><xsd:sequence>")
                .Append("<xsd:element name=\"id\" type=\"xsd:int\"/><xsd:element name=\"next\" type=\"tns:T").Append(next).Append("\"/>")
                .Append("</xsd:sequence></xsd:complexType>\n");
        }

        return Service(types.ToString(), "tns:T0", "tns:T0");
    }

    /// <summary>Types D0…D(n-1), each extending the one before: a derivation chain (every base can stand for all below it).</summary>
    public static string DerivationChain(int count)
    {
        var types = new StringBuilder("<xsd:complexType name=\"D0\"><xsd:sequence><xsd:element name=\"m0\" type=\"xsd:int\"/></xsd:sequence></xsd:complexType>\n");
        foreach (var i in Enumerable.Range(1, count - 1))
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            types.Append("<xsd:complexType name=\"D").Append(n).Append("\"><xsd:complexContent><xsd:extension base=\"tns:D").Append((i - 1).ToString(CultureInfo.InvariantCulture))
                .Append("\"><xsd:sequence><xsd:element name=\"m").Append(n).Append("\" type=\"xsd:int\"/></xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType>\n");
        }

        return Service(types.ToString(), "tns:D0", "tns:D0");
    }

    /// <summary>
    /// SoftLayer's shape: <paramref name="count"/> types E0…E(n-1) extending one base, each with a SOAP-encoded array of
    /// the next (the last of the first), sent and returned as the base.
    /// </summary>
    public static string EntityArrays(int count)
    {
        const string Array = "<xsd:complexContent><xsd:restriction base=\"soapenc:Array\" xmlns:soapenc=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\">"
            + "<xsd:attribute ref=\"soapenc:arrayType\" wsdl:arrayType=\"tns:E{0}[]\"/></xsd:restriction></xsd:complexContent>";
        var types = new StringBuilder("<xsd:complexType name=\"Entity\"><xsd:sequence><xsd:element name=\"id\" type=\"xsd:int\"/></xsd:sequence></xsd:complexType>\n");
        foreach (var i in Enumerable.Range(0, count))
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            var next = ((i + 1) % count).ToString(CultureInfo.InvariantCulture);
            types.Append("<xsd:complexType name=\"E").Append(n).Append("\"><xsd:complexContent><xsd:extension base=\"tns:Entity\"><xsd:sequence><xsd:element name=\"next\" type=\"tns:ArrayOfE")
                .Append(next).Append("\"/></xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType>\n")
                .Append("<xsd:complexType name=\"ArrayOfE").Append(n).Append("\">").Append(string.Format(CultureInfo.InvariantCulture, Array, n)).Append("</xsd:complexType>\n");
        }

        return Service(types.ToString(), "tns:Entity", "tns:Entity");
    }

    /// <summary>A base type and <paramref name="count"/> types extending it directly: a flat hierarchy.</summary>
    public static string FlatHierarchy(int count)
    {
        var types = new StringBuilder("<xsd:complexType name=\"Base\"><xsd:sequence><xsd:element name=\"id\" type=\"xsd:int\"/></xsd:sequence></xsd:complexType>\n");
        foreach (var i in Enumerable.Range(0, count))
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            types.Append("<xsd:complexType name=\"F").Append(n).Append("\"><xsd:complexContent><xsd:extension base=\"tns:Base\"><xsd:sequence><xsd:element name=\"f")
                .Append(n).Append("\" type=\"xsd:string\"/></xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType>\n");
        }

        return Service(types.ToString(), "tns:Base", "tns:Base");
    }
}
