// A tiny in-process stand-in for https://my.interserver.net/api.php, so the Quickstart runs with no network and
// no account. It is deliberately small and written as plain text templates: it doubles as documentation of the
// wire format a SoapGen client meets on the live (nusoap) server:
//
//   * SOAP 1.1, rpc/encoded: the request body is <ns1:api_xxx> with one child per message part;
//   * the reply is <ns1:api_xxxResponse> with a single <return> part, xsi:type on every value;
//   * structs are elements per member, arrays are SOAP-ENC arrays of <item> elements with SOAP-ENC:arrayType;
//   * missing values are xsi:nil="true" — also on xsd:int members;
//   * charset ISO-8859-1 (header AND XML declaration), so "Zürich café" travels as single Latin-1 bytes;
//   * errors are SOAP faults with HTTP 500, and nusoap writes <faultactor> BEFORE <faultstring>.
//
// Only four operations are implemented: api_login, api_get_license_types, api_buy_license, api_cancel_license_ip.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

internal sealed class EmbeddedInterServer : IDisposable
{
    public const string User = "demo@example.com";
    public const string Password = "demo";

    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly ConcurrentDictionary<string, bool> _sessions = new();
    private readonly ConcurrentDictionary<string, int> _licenses = new(); // ip -> licence type
    private int _nextInvoice = 41000;
    private int _logins;

    private EmbeddedInterServer(HttpListener listener, Uri endpoint)
    {
        _listener = listener;
        Endpoint = endpoint;
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The SOAP endpoint, http://127.0.0.1:PORT/api.php.</summary>
    public Uri Endpoint { get; }

    /// <summary>How many times api_login was called (good or bad credentials).</summary>
    public int Logins => Volatile.Read(ref _logins);

    /// <summary>Called with a one-line description of every request the server handles.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>Forgets every session id, as the live server does when a session times out.</summary>
    public void ExpireSessions() => _sessions.Clear();

    /// <summary>Starts the endpoint on a free loopback port.</summary>
    public static EmbeddedInterServer Start()
    {
        for (int attempt = 0; ; attempt++)
        {
            // Ask the OS for a free port, then bind HttpListener to it (retry if someone else grabbed it meanwhile).
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();

            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new EmbeddedInterServer(listener, new Uri($"http://127.0.0.1:{port}/api.php"));
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with an exception when the listener closes; nothing to report.
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // closed
            }

            _ = Task.Run(() => Handle(context));
        }
    }

    private void Handle(HttpListenerContext context)
    {
        int status = 200;
        string body;
        try
        {
            if (context.Request.HttpMethod != "POST")
            {
                throw new Fault("Client", "POST a SOAP envelope to this endpoint");
            }

            // Request: <SOAP-ENV:Envelope><SOAP-ENV:Body><ns1:api_login><username xsi:type="xsd:string">…
            XDocument request = XDocument.Load(context.Request.InputStream);
            XElement call = request.Root?.Element(Soap + "Body")?.Elements().FirstOrDefault()
                ?? throw new Fault("Client", "No operation element in the SOAP Body");
            var args = call.Elements().ToDictionary(
                e => e.Name.LocalName,
                e => e.Attribute(Xsi + "nil")?.Value is "true" or "1" ? null : e.Value);
            body = Envelope(Dispatch(call.Name.LocalName, args));
        }
        catch (Fault fault)
        {
            status = 500; // nusoap answers every fault with HTTP 500
            body = Envelope(
                "<SOAP-ENV:Fault>" +
                $"<faultcode xsi:type=\"xsd:string\">SOAP-ENV:{fault.Code}</faultcode>" +
                "<faultactor xsi:type=\"xsd:string\"></faultactor>" +
                $"<faultstring xsi:type=\"xsd:string\">{Esc(fault.Message)}</faultstring>" +
                "<detail xsi:type=\"xsd:string\"></detail>" +
                "</SOAP-ENV:Fault>");
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or IOException)
        {
            status = 500;
            body = Envelope($"<SOAP-ENV:Fault><faultcode xsi:type=\"xsd:string\">SOAP-ENV:Client</faultcode><faultstring xsi:type=\"xsd:string\">{Esc(ex.Message)}</faultstring></SOAP-ENV:Fault>");
        }

        byte[] bytes = Encoding.Latin1.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml; charset=ISO-8859-1";
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    private string Dispatch(string operation, Dictionary<string, string?> args)
    {
        string? Arg(string name) => args.TryGetValue(name, out string? value) ? value : null;

        switch (operation)
        {
            case "api_login":
            {
                Interlocked.Increment(ref _logins);
                bool ok = Arg("username") == User && Arg("password") == Password;
                Log?.Invoke($"api_login(username={Arg("username")}, password=***) -> {(ok ? "new session id" : "\"\" (bad login)")}");
                string sid = ok ? Guid.NewGuid().ToString("N") : string.Empty;
                if (ok)
                {
                    _sessions[sid] = true;
                }

                // A scalar result: <return xsi:type="xsd:string">…</return>. A failed login is an empty string, not a fault.
                return Response(operation, $"<return xsi:type=\"xsd:string\">{sid}</return>");
            }

            case "api_get_license_types":
                Log?.Invoke("api_get_license_types()");
                // An array result: SOAP-ENC:Array of <item> structs.
                return Response(operation,
                    "<return xsi:type=\"SOAP-ENC:Array\" SOAP-ENC:arrayType=\"tns:license_type[3]\">" +
                    LicenseType(10682, "cPanel VPS", 15.00f) +
                    LicenseType(10683, "Softaculous", 1.50f) +
                    LicenseType(10684, "Zürich café <Fantastico> & co", 34.95f) +
                    "</return>");

            case "api_buy_license":
            {
                RequireSession(operation, Arg("sid"));
                string ip = Arg("ip") ?? string.Empty;
                int type = ParseInt(Arg("type"));
                Log?.Invoke($"api_buy_license(sid=***, ip={ip}, type={type}, coupon={Arg("coupon") ?? "nil"})");
                float cost = Arg("coupon") is { Length: > 0 } ? 9.95f : 15.00f;
                if (!_licenses.TryAdd(ip, type))
                {
                    // An in-band error: the call "succeeds" at the SOAP level; status/status_text say what went wrong.
                    return Response(operation, BuyLicenseReturn("error", "That IP is already licensed in our system", invoice: null, cost));
                }

                int invoice = Interlocked.Increment(ref _nextInvoice);
                return Response(operation, BuyLicenseReturn("ok", $"License for {ip} ordered, invoice {invoice}", invoice, cost));
            }

            case "api_cancel_license_ip":
            {
                RequireSession(operation, Arg("sid"));
                string ip = Arg("ip") ?? string.Empty;
                int type = ParseInt(Arg("type"));
                Log?.Invoke($"api_cancel_license_ip(sid=***, ip={ip}, type={type})");
                bool found = _licenses.TryGetValue(ip, out int licensed) && licensed == type && _licenses.TryRemove(ip, out _);
                return Response(operation,
                    "<return xsi:type=\"tns:cancel_license_ip_return\">" +
                    $"<status xsi:type=\"xsd:string\">{(found ? "ok" : "error")}</status>" +
                    $"<status_text xsi:type=\"xsd:string\">{(found ? $"License {Esc(ip)} of type {type} canceled" : "Invalid License IP/Type")}</status_text>" +
                    "</return>");
            }

            default:
                Log?.Invoke($"{operation}(...) -> fault: not implemented here");
                throw new Fault("Client", $"Operation '{operation}' is not implemented by the Quickstart endpoint");
        }
    }

    private void RequireSession(string operation, string? sid)
    {
        if (sid is null || !_sessions.ContainsKey(sid))
        {
            Log?.Invoke($"{operation}(sid=<unknown>) -> fault: Invalid Session ID");
            throw new Fault("Client", "Invalid Session ID");
        }
    }

    private static string LicenseType(int id, string name, float cost) =>
        "<item xsi:type=\"tns:license_type\">" +
        $"<services_id xsi:type=\"xsd:int\">{id}</services_id>" +
        $"<services_name xsi:type=\"xsd:string\">{Esc(name)}</services_name>" +
        $"<services_cost xsi:type=\"xsd:float\">{cost.ToString(CultureInfo.InvariantCulture)}</services_cost>" +
        "</item>";

    private static string BuyLicenseReturn(string status, string text, int? invoice, float cost) =>
        "<return xsi:type=\"tns:buy_license_return\">" +
        $"<status xsi:type=\"xsd:string\">{status}</status>" +
        $"<status_text xsi:type=\"xsd:string\">{Esc(text)}</status_text>" +
        (invoice is { } n
            ? $"<invoice xsi:type=\"xsd:int\">{n}</invoice>"
            : "<invoice xsi:nil=\"true\" xsi:type=\"xsd:int\"/>") + // nil on a value type: the client must map it to null
        $"<cost xsi:type=\"xsd:float\">{cost.ToString(CultureInfo.InvariantCulture)}</cost>" +
        "</return>";

    private static string Response(string operation, string returnPart) =>
        $"<ns1:{operation}Response xmlns:ns1=\"urn:myapi\">{returnPart}</ns1:{operation}Response>";

    private static string Envelope(string body) =>
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" +
        "<SOAP-ENV:Envelope SOAP-ENV:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"" +
        " xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"" +
        " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"" +
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"" +
        " xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\"" +
        " xmlns:tns=\"urn:myapi\">" +
        $"<SOAP-ENV:Body>{body}</SOAP-ENV:Body></SOAP-ENV:Envelope>";

    private static int ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new Fault("Client", $"'{text}' is not an xsd:int");

    /// <summary>XML-escapes text; characters outside Latin-1 become character references.</summary>
    private static string Esc(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (Rune r in text.EnumerateRunes())
        {
            sb.Append(r.Value switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                > 0xFF => $"&#{r.Value};",
                _ => r.ToString(),
            });
        }

        return sb.ToString();
    }

    private sealed class Fault(string code, string message) : Exception(message)
    {
        public string Code { get; } = code;
    }
}
