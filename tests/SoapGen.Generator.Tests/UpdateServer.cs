using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace SoapGen.Generator.Tests;

/// <summary>
/// A loopback HTTP server for the SoapGenUpdate tests, started once per test class. /svc/service?wsdl is a
/// document/literal WSDL spread over five documents the way real servers publish them: a wsdl:import of ?wsdl=messages,
/// ?xsd=1 (absolute URL) that includes ../types/venue.xsd and imports ?xsd=2, which imports ?xsd=1 again (a cycle, with
/// a fragment). It also answers the GetQuote call itself, so a client generated from the saved files can be run.
/// </summary>
public sealed class UpdateServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public UpdateServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add("http://127.0.0.1:" + Port + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Base => "http://127.0.0.1:" + Port;

    /// <summary>The price ?xsd=2's documentation carries: changing it changes exactly one served document.</summary>
    public string Revision { get; set; } = "1";

    /// <summary>How many GET requests each path and query got.</summary>
    public Dictionary<string, int> Requests { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's ObjectDisposedException/HttpListenerException: expected on stop.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var key = context.Request.Url!.PathAndQuery;
            var (status, body) = context.Request.HttpMethod == "POST" ? (200, Reply) : Document(key);
            lock (Requests)
            {
                Requests[key] = Requests.TryGetValue(key, out var n) ? n + 1 : 1;
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/xml; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private (int Status, string Body) Document(string pathAndQuery) => pathAndQuery switch
    {
        "/svc/service?wsdl" => (200, Root),
        "/svc/service?wsdl=messages" => (200, Messages),
        "/svc/service?xsd=1" => (200, Xsd1),
        "/svc/service?xsd=2" => (200, Xsd2.Replace("REVISION", Revision)),
        "/types/venue.xsd" => (200, Venue),
        "/dtd?wsdl" => (200, "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\">&e;</definitions>"),
        "/broken?wsdl" => (200, "<definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\"><import namespace=\"urn:x\" location=\"missing?wsdl\"/></definitions>"),
        _ => (404, "<html>not found</html>"),
    };

    private const string Root = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
                     xmlns:tns="urn:upd" targetNamespace="urn:upd">
          <import namespace="urn:upd" location="service?wsdl=messages"/>
          <portType name="Quotes">
            <operation name="GetQuote"><input message="tns:GetQuoteRequest"/><output message="tns:GetQuoteResponse"/></operation>
          </portType>
          <binding name="QuotesBinding" type="tns:Quotes">
            <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
            <operation name="GetQuote">
              <soap:operation soapAction="urn:upd#GetQuote"/>
              <input><soap:body use="literal"/></input>
              <output><soap:body use="literal"/></output>
            </operation>
          </binding>
          <service name="QuoteService"><port name="QuotesPort" binding="tns:QuotesBinding"><soap:address location="http://127.0.0.1/quotes"/></port></service>
        </definitions>
        """;

    private string Messages => """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:xsd="http://www.w3.org/2001/XMLSchema"
                     xmlns:m="urn:upd:messages" targetNamespace="urn:upd">
          <types>
            <xsd:schema targetNamespace="urn:upd:wrapper">
              <xsd:import namespace="urn:upd:messages" schemaLocation="BASE/svc/service?xsd=1"/>
              <xsd:import namespace="http://schemas.xmlsoap.org/soap/encoding/" schemaLocation="http://schemas.xmlsoap.org/soap/encoding/"/>
            </xsd:schema>
          </types>
          <message name="GetQuoteRequest"><part name="parameters" element="m:GetQuote"/></message>
          <message name="GetQuoteResponse"><part name="parameters" element="m:GetQuoteResponse"/></message>
        </definitions>
        """.Replace("BASE", Base);

    private const string Xsd1 = """
        <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:m="urn:upd:messages" xmlns:c="urn:upd:common"
                    targetNamespace="urn:upd:messages" elementFormDefault="qualified">
          <xsd:include schemaLocation="../types/venue.xsd"/>
          <xsd:import namespace="urn:upd:common" schemaLocation="service?xsd=2"/>
          <xsd:element name="GetQuote"><xsd:complexType><xsd:sequence><xsd:element name="symbol" type="xsd:string"/></xsd:sequence></xsd:complexType></xsd:element>
          <xsd:element name="GetQuoteResponse"><xsd:complexType><xsd:sequence><xsd:element name="quote" type="c:Quote"/></xsd:sequence></xsd:complexType></xsd:element>
        </xsd:schema>
        """;

    private const string Venue = """
        <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:upd:messages" elementFormDefault="qualified">
          <xsd:complexType name="Venue"><xsd:sequence><xsd:element name="name" type="xsd:string"/></xsd:sequence></xsd:complexType>
        </xsd:schema>
        """;

    private const string Xsd2 = """
        <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:m="urn:upd:messages" targetNamespace="urn:upd:common" elementFormDefault="qualified">
          <xsd:annotation><xsd:documentation>revision REVISION</xsd:documentation></xsd:annotation>
          <xsd:import namespace="urn:upd:messages" schemaLocation="service?xsd=1#back"/>
          <xsd:complexType name="Quote">
            <xsd:sequence>
              <xsd:element name="symbol" type="xsd:string"/>
              <xsd:element name="price" type="xsd:decimal"/>
              <xsd:element name="venue" type="m:Venue"/>
            </xsd:sequence>
          </xsd:complexType>
        </xsd:schema>
        """;

    private const string Reply = """
        <?xml version="1.0" encoding="UTF-8"?>
        <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
          <m:GetQuoteResponse xmlns:m="urn:upd:messages" xmlns:c="urn:upd:common">
            <m:quote><c:symbol>SOAP</c:symbol><c:price>12.5</c:price><c:venue><m:name>Zürich</m:name></c:venue></m:quote>
          </m:GetQuoteResponse>
        </s:Body></s:Envelope>
        """;

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
