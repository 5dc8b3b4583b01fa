using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace SoapGen.Runtime.Tests;

public class FaultTests
{
    private static Task<SoapFaultException> FaultAsync(string reply, string contentType = "text/xml; charset=ISO-8859-1", HttpStatusCode status = HttpStatusCode.InternalServerError, SoapVersion version = SoapVersion.Soap11)
    {
        var handler = FakeHandler.Always(() => FakeHandler.Reply(reply, contentType, status));
        return Assert.ThrowsAsync<SoapFaultException>(() =>
            Soap.Transport(handler, version).InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None));
    }

    [Fact]
    public async Task Soap11_fault_in_nusoap_order_with_detail_is_read_completely()
    {
        // NuSOAP writes faultactor before faultstring; WCF reports "invalid SOAP Fault" for this.
        string reply = Soap.Envelope11(
            "<SOAP-ENV:Fault><faultcode xsi:type=\"xsd:string\">SOAP-ENV:Client</faultcode>" +
            "<faultactor xsi:type=\"xsd:string\">urn:actor</faultactor>" +
            "<faultstring xsi:type=\"xsd:string\">Invalid Session ID</faultstring>" +
            "<detail><tns:err xsi:type=\"tns:Err\"><code>42</code></tns:err></detail></SOAP-ENV:Fault>");

        SoapFaultException fault = await FaultAsync(reply);

        Assert.Equal("Client", fault.Code);
        Assert.Equal(Soap.Env11, fault.CodeNamespace);
        Assert.Equal("Invalid Session ID", fault.Reason);
        Assert.Equal("urn:actor", fault.Actor);
        Assert.Null(fault.Subcode);
        Assert.Equal(SoapVersion.Soap11, fault.SoapVersion);
        Assert.Equal(HttpStatusCode.InternalServerError, fault.HttpStatusCode);
        Assert.Equal("SOAP fault Client: Invalid Session ID", fault.Message);

        Assert.NotNull(fault.Detail);
        XElement err = fault.Detail!.Elements().Single();
        Assert.Equal(XName.Get("err", "urn:myapi"), err.Name);
        Assert.Equal("42", err.Element("code")!.Value);

        // The prefixed xsi:type value still resolves: the envelope's declarations were carried along.
        Assert.Equal("urn:myapi", err.GetNamespaceOfPrefix("tns")?.NamespaceName);
        Assert.NotNull(fault.RawDetail);
        XElement reparsed = XElement.Parse(fault.RawDetail!);
        Assert.Equal("42", reparsed.Descendants("code").Single().Value);
    }

    [Fact]
    public async Task Soap11_fault_with_qualified_children_and_http_200_is_still_a_fault()
    {
        string reply = Soap.Envelope11(
            "<SOAP-ENV:Fault><SOAP-ENV:faultstring>boom</SOAP-ENV:faultstring><SOAP-ENV:faultcode>SOAP-ENV:Server</SOAP-ENV:faultcode></SOAP-ENV:Fault>");

        SoapFaultException fault = await FaultAsync(reply, status: HttpStatusCode.OK);

        Assert.Equal("Server", fault.Code);
        Assert.Equal("boom", fault.Reason);
        Assert.Equal(HttpStatusCode.OK, fault.HttpStatusCode);
        Assert.Null(fault.Detail);
        Assert.Null(fault.RawDetail);
    }

    [Fact]
    public async Task Soap12_fault_reads_code_subcode_english_reason_node_role_and_detail()
    {
        string reply = Soap.Envelope12(
            "<env:Fault xmlns:m=\"urn:m\"><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>m:BadSession</env:Value></env:Subcode></env:Code>" +
            "<env:Reason><env:Text xml:lang=\"de\">Sitzung ungültig</env:Text><env:Text xml:lang=\"en-US\">Session invalid</env:Text></env:Reason>" +
            "<env:Node>urn:node</env:Node><env:Role>urn:role</env:Role><env:Detail><m:info>x</m:info></env:Detail></env:Fault>");

        SoapFaultException fault = await FaultAsync(reply, "application/soap+xml; charset=utf-8", version: SoapVersion.Soap12);

        Assert.Equal(SoapVersion.Soap12, fault.SoapVersion);
        Assert.Equal("Sender", fault.Code);
        Assert.Equal(Soap.Env12, fault.CodeNamespace);
        Assert.Equal("BadSession", fault.Subcode);
        Assert.Equal("Session invalid", fault.Reason);
        Assert.Equal("urn:node", fault.Node);
        Assert.Equal("urn:role", fault.Actor);
        Assert.Equal("x", fault.Detail!.Element(XName.Get("info", "urn:m"))!.Value);
        Assert.Equal("SOAP fault Sender/BadSession: Session invalid", fault.Message);
    }

    [Fact]
    public async Task Soap12_reason_without_english_takes_the_first_text()
    {
        string reply = Soap.Envelope12(
            "<env:Fault><env:Code><env:Value>env:Receiver</env:Value></env:Code>" +
            "<env:Reason><env:Text xml:lang=\"fr\">panne</env:Text><env:Text xml:lang=\"de\">Ausfall</env:Text></env:Reason></env:Fault>");

        SoapFaultException fault = await FaultAsync(reply, "application/soap+xml", version: SoapVersion.Soap12);
        Assert.Equal("Receiver", fault.Code);
        Assert.Equal("panne", fault.Reason);
        Assert.Null(fault.Subcode);
    }
}
