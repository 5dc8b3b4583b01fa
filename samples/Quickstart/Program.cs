// SoapGen Quickstart: `dotnet run --project samples/Quickstart` — no arguments, no network, no account.
//
// It starts a small InterServer-style SOAP endpoint inside this process (EmbeddedInterServer.cs, which
// answers like the live nusoap server: rpc/encoded, ISO-8859-1, faults with HTTP 500) and calls it through
// the client SoapGen generated at compile time from wsdl/interserver.wsdl (see Quickstart.csproj:
// <AdditionalFiles Include="../../wsdl/interserver.wsdl" SoapGenNamespace="InterServer" />).
using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using InterServer;
using SoapGen.Runtime;

internal static class Program
{
    private static int _failures;

    private static async Task<int> Main()
    {
        Console.OutputEncoding = Encoding.UTF8;
        CancellationToken ct = CancellationToken.None;

        using var server = EmbeddedInterServer.Start();
        server.Log = line => Console.WriteLine($"      [server] {line}");
        Console.WriteLine($"Embedded InterServer-style SOAP endpoint listening at {server.Endpoint}");
        Console.WriteLine();

        // 1. A client is a plain class over your HttpClient; the endpoint defaults to the WSDL's <soap:address>.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var api = new MyapiClient(http, server.Endpoint);
        Console.WriteLine($"1. new MyapiClient(http, endpoint)  (the WSDL's own address is {MyapiClient.DefaultEndpoint})");

        // 2. An operation without a session: an array of structs. Note the Latin-1 name decoded correctly.
        Console.WriteLine("2. api.ApiGetLicenseTypesAsync() -- an array result, no login needed");
        var types = await api.ApiGetLicenseTypesAsync(ct);
        Check(types is { Length: 3 }, "three licence types");
        // A SOAP-ENC array's items may be nil (LicenseType?[]): OfType walks the ones that are there.
        foreach (var t in (types ?? []).OfType<LicenseType>())
        {
            Console.WriteLine($"      #{t.ServicesId}  {t.ServicesName,-32} {t.ServicesCost?.ToString("0.00", CultureInfo.InvariantCulture)}");
        }

        Check(types?[2]?.ServicesName == "Zürich café <Fantastico> & co", "ISO-8859-1 reply decoded (Zürich café)");

        // 3. A session: give the credentials once; it calls api_login on first use and passes `sid` for you.
        Console.WriteLine($"3. var session = api.CreateSession(\"{EmbeddedInterServer.User}\", \"***\")  -- nothing sent yet");
        var session = api.CreateSession(EmbeddedInterServer.User, EmbeddedInterServer.Password);
        Check(server.Logins == 0, "login is lazy");

        Console.WriteLine("4. session.ApiBuyLicenseAsync(\"203.0.113.10\", 10682, coupon: null)");
        BuyLicenseReturn? bought = await session.ApiBuyLicenseAsync("203.0.113.10", 10682, null, ct);
        Print(bought);
        Check(bought is { IsOk: true, Invoice: not null }, "licence bought, invoice number returned");
        Check(server.Logins == 1, "logged in once, on first use");

        // 4. In-band errors: the SOAP call succeeds but status says "error". IsOk / EnsureOk() make them hard to miss.
        Console.WriteLine("5. the same purchase again -- an in-band error (status/status_text), not a fault");
        BuyLicenseReturn? again = await session.ApiBuyLicenseAsync("203.0.113.10", 10682, null, ct);
        Print(again);
        Check(again is { IsOk: false, Invoice: null }, "IsOk is false, invoice is nil -> null");
        try
        {
            again?.EnsureOk();
            Check(false, "EnsureOk() throws on an error status");
        }
        catch (SoapStatusException ex)
        {
            Console.WriteLine($"      EnsureOk() threw SoapStatusException: {ex.StatusText}");
        }

        // 5. Session expiry: the server forgets the session; the runtime logs in again once and retries the call.
        Console.WriteLine("6. the server expires all sessions, then session.ApiCancelLicenseIpAsync(\"203.0.113.10\", 10682)");
        server.ExpireSessions();
        CancelLicenseIpReturn? cancelled = await session.ApiCancelLicenseIpAsync("203.0.113.10", 10682, ct);
        Print(cancelled);
        Check(cancelled is { IsOk: true }, "cancelled after one transparent re-login");
        Check(server.Logins == 2, "exactly one more login");

        // 6. SOAP faults become SoapFaultException (Code, Reason, Actor, Detail).
        Console.WriteLine("7. api.ApiCancelLicenseIpAsync(sid: \"not-a-session\", ...) -- a SOAP fault");
        try
        {
            await api.ApiCancelLicenseIpAsync("not-a-session", "203.0.113.10", 10682, ct);
            Check(false, "an invalid sid raises SoapFaultException");
        }
        catch (SoapFaultException ex)
        {
            Console.WriteLine($"      SoapFaultException: Code={ex.Code} Reason=\"{ex.Reason}\" (HTTP {(int)ex.HttpStatusCode})");
        }

        // 7. Bad credentials: api_login answers "" (the seeds' "Got A Blank Session") -> SoapAuthenticationException.
        Console.WriteLine("8. a session with a wrong password");
        try
        {
            var wrong = api.CreateSession(EmbeddedInterServer.User, "wrong password");
            await wrong.ApiCancelLicenseIpAsync("203.0.113.10", 10682, ct);
            Check(false, "a blank session id raises SoapAuthenticationException");
        }
        catch (SoapAuthenticationException ex)
        {
            Console.WriteLine($"      SoapAuthenticationException: {ex.Message}");
        }

        Console.WriteLine();
        Console.WriteLine(_failures == 0
            ? $"Quickstart OK ({server.Logins} api_login calls in total)."
            : $"Quickstart FAILED: {_failures} check(s) did not hold.");
        return _failures == 0 ? 0 : 1;
    }

    private static void Print(CancelLicenseIpReturn? r) =>
        Console.WriteLine(r is null ? "      (nil)" : $"      status={r.Status} status_text=\"{r.StatusText}\" IsOk={r.IsOk}");

    private static void Print(BuyLicenseReturn? r) =>
        Console.WriteLine(r is null
            ? "      (nil)"
            : $"      status={r.Status} status_text=\"{r.StatusText}\" invoice={r.Invoice?.ToString(CultureInfo.InvariantCulture) ?? "null"} cost={r.Cost?.ToString(CultureInfo.InvariantCulture) ?? "null"} IsOk={r.IsOk}");

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            _failures++;
            Console.WriteLine($"      !! expected: {what}");
        }
    }
}
