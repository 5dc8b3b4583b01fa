using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace SoapGen.Runtime.Tests;

/// <summary>
/// A server that echoes a credential the client sent (a password, an API key, a session id) puts it in the reply; the
/// exception message must not carry it on, while the properties keep what the server said.
/// </summary>
public class CredentialRedactionTests
{
    private const string Password = "pw-HUNTER2-9f3";
    private const string ApiKey = "AKIA-0123456789abcdef";
    private const string Sid = "95791279750e981a928335993604943e";

    private static void WriteLogin(SoapWriter w)
    {
        w.WriteStartOperation("api_login", "urn:myapi", encoded: true);
        w.WriteString("username", null, "bob", encoded: true);
        w.WriteString("password", null, Password, encoded: true);
        w.WriteEndElement();
    }

    private static void WriteWithSid(SoapWriter w)
    {
        w.WriteStartOperation("api_get", "urn:myapi", encoded: true);
        w.WriteString("sid", null, Sid, encoded: true);
        w.WriteEndElement();
    }

    private static string Fault(string text) =>
        Soap.Envelope11("<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>" + text + "</faultstring><detail><e>" + text + "</e></detail></SOAP-ENV:Fault>");

    [Fact]
    public async Task Password_echoed_in_a_fault_is_masked_in_the_message_and_kept_in_Reason()
    {
        var handler = FakeHandler.Always(() => FakeHandler.Reply(Fault("Wrong password '" + Password + "' for bob"), status: HttpStatusCode.InternalServerError));
        SoapFaultException ex = await Assert.ThrowsAsync<SoapFaultException>(() =>
            Soap.Transport(handler).InvokeAsync("api_login", "a", WriteLogin, Soap.ReadReturnString, CancellationToken.None));

        Assert.DoesNotContain(Password, ex.Message);
        Assert.DoesNotContain(Password, ex.ToString());
        Assert.Contains("Wrong password '***' for bob", ex.Message);
        Assert.Contains(Password, ex.Reason);
        Assert.Contains(Password, ex.RawDetail);
    }

    [Fact]
    public async Task Session_id_echoed_in_an_error_page_is_masked_in_message_and_preview()
    {
        var handler = FakeHandler.Always(() => FakeHandler.Reply("<html>session " + Sid + " is invalid</html>", "text/html", HttpStatusCode.BadRequest));
        SoapProtocolException ex = await Assert.ThrowsAsync<SoapProtocolException>(() =>
            Soap.Transport(handler).InvokeAsync("api_get", "a", WriteWithSid, Soap.ReadReturnString, CancellationToken.None));

        Assert.DoesNotContain(Sid, ex.Message);
        Assert.DoesNotContain(Sid, ex.BodyPreview);
        Assert.Contains("session *** is invalid", ex.BodyPreview);
    }

    [Fact]
    public async Task Header_credential_echoed_in_a_fault_is_masked()
    {
        XNamespace ns = "urn:auth";
        var options = new SoapCallOptions();
        options.Headers.Add(SoapHeader.FromXml(new XElement(ns + "authenticate", new XElement(ns + "username", "bob"), new XElement(ns + "apiKey", ApiKey))));
        var operation = new SoapOperation<int, string?>("getObject", null, SoapVersion.Soap11, static (w, _) => Soap.WriteEcho(w), Soap.ReadReturnString);
        var handler = FakeHandler.Always(() => FakeHandler.Reply(Fault("Invalid API token " + ApiKey), status: HttpStatusCode.InternalServerError));

        SoapFaultException ex = await Assert.ThrowsAsync<SoapFaultException>(() =>
            Soap.Transport(handler).InvokeAsync(operation, 0, options, CancellationToken.None));

        Assert.DoesNotContain(ApiKey, ex.Message);
        Assert.Contains("Invalid API token ***", ex.Message);
    }

    [Fact]
    public async Task Login_failure_does_not_carry_an_echoed_password_into_the_authentication_error()
    {
        var handler = FakeHandler.Always(() => FakeHandler.Reply(Fault("bad login bob/" + Password), status: HttpStatusCode.InternalServerError));
        SoapTransport transport = Soap.Transport(handler);
        var session = new SoapSession(ct => transport.InvokeAsync("api_login", "a", WriteLogin, Soap.ReadReturnString, ct));

        SoapAuthenticationException ex = await Assert.ThrowsAsync<SoapAuthenticationException>(() =>
            session.InvokeAsync((token, ct) => Task.FromResult(token), CancellationToken.None));

        Assert.DoesNotContain(Password, ex.Message);
        Assert.Contains("bad login bob/***", ex.Message);
    }

    [Fact]
    public async Task Session_ToString_never_shows_the_token_in_any_state()
    {
        var login = new TaskCompletionSource<string?>();
        var session = new SoapSession(_ => login.Task);
        Assert.Equal("SoapSession (not logged in)", session.ToString());

        Task<string> call = session.InvokeAsync((token, _) => Task.FromResult(token), CancellationToken.None);
        await Task.Delay(50);
        Assert.DoesNotContain(Sid, session.ToString());
        login.SetResult(Sid);
        Assert.Equal(Sid, await call);
        Assert.Equal("SoapSession (logged in)", session.ToString());

        var failing = new SoapSession(_ => Task.FromResult<string?>(""));
        await Assert.ThrowsAsync<SoapAuthenticationException>(() => failing.InvokeAsync((t, _) => Task.FromResult(t), CancellationToken.None));
        Assert.Equal("SoapSession (login failed)", failing.ToString());
    }

    [Fact]
    public void Header_session_step_ToString_never_shows_the_token()
    {
        var header = new SoapHeaderDescriptor<string?>("SessionHeader", "urn:x", static (w, name, ns, v) => w.WriteString(name, ns, v, encoded: false));
        SoapPipelineStep step = SoapHeaderSession.Create(header, _ => Task.FromResult<(string?, string?)>((Sid, null)), token => token);
        Assert.DoesNotContain(Sid, step.ToString());
    }

    [Fact]
    public async Task Short_and_unnamed_values_are_not_masked()
    {
        // Only values of credential-named elements, of four characters or more: "hi" in <text> stays readable.
        var handler = FakeHandler.Always(() => FakeHandler.Reply(Fault("cannot echo hi"), status: HttpStatusCode.InternalServerError));
        SoapFaultException ex = await Assert.ThrowsAsync<SoapFaultException>(() =>
            Soap.Transport(handler).InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None));
        Assert.Equal("SOAP fault Client: cannot echo hi", ex.Message);
    }
}
