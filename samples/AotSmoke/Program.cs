// Native AOT smoke test for a SoapGen client. Published by test.sh with every trimming/AOT warning as an error:
//
//   dotnet publish samples/AotSmoke -c Release -r linux-x64
//   samples/AotSmoke/bin/Release/net10.0/linux-x64/publish/AotSmoke http://127.0.0.1:PORT/api.php test@example.com secret
//
// The endpoint is the PHP ext/soap test server (tests/servers/interserver), whose data is deterministic, so every
// result is checked, not just printed. Exit code 0 = every check passed.
using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using InterServer;
using SoapGen.Runtime;

internal static class Program
{
    private static int _checks;
    private static int _failures;

    private static async Task<int> Main(string[] args)
    {
        if (args.Length != 3 || !Uri.TryCreate(args[0], UriKind.Absolute, out Uri? endpoint))
        {
            Console.Error.WriteLine("Usage: AotSmoke <endpoint-url> <username> <password>");
            return 64;
        }

        string user = args[1], password = args[2];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        CancellationToken ct = cts.Token;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var api = new MyapiClient(http, endpoint);
        Console.WriteLine($"AOT smoke against {api.Endpoint} (dynamic code supported: {System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported})");

        try
        {
            // Array of structs, no session: SOAP-ENC array, Latin-1 reply, XML specials, float, int 0, empty string.
            var types = await api.ApiGetLicenseTypesAsync(ct);
            Console.WriteLine($"api_get_license_types: {types?.Length} rows");
            if (Check(types is { Length: 3 }, "api_get_license_types returns 3 rows") && types is not null)
            {
                Check(types[0]?.ServicesId == 5006 && types[0]?.ServicesName == "Softaculous", "row 0 = 5006 Softaculous");
                Check(types[1]?.ServicesName == "cPanel Zürich café a <b> & \"c\" 'd'", $"row 1 name decoded: {types[1]?.ServicesName}");
                Check(types[1]?.ServicesCost == 34.95f, $"row 1 cost 34.95: {types[1]?.ServicesCost}");
                Check(types[2]?.ServicesId == 0 && types[2]?.ServicesName == string.Empty, "row 2 = id 0, empty name");
            }

            // Scalar, no session.
            string? host = await api.GetHostnameAsync("192.0.2.5", ct);
            Console.WriteLine($"get_hostname: {host}");
            Check(host == "host-192-0-2-5.example.net", "get_hostname derives from the ip");

            // Session: lazy api_login, sid filled in.
            var session = api.CreateSession(user, password);

            BuyLicenseReturn? bought = await session.ApiBuyLicenseAsync("192.0.2.5", 10682, "SPRING", ct);
            Console.WriteLine($"api_buy_license: status={bought?.Status} invoice={bought?.Invoice} cost={bought?.Cost} text={bought?.StatusText}");
            Check(bought is { IsOk: true, Invoice: 0, Cost: 34.95f }, "api_buy_license struct: ok, invoice 0, cost 34.95");
            Check(bought?.StatusText?.Contains("coupon=SPRING", StringComparison.Ordinal) == true, "coupon echoed in status_text");

            CancelLicenseIpReturn? cancelled = await session.ApiCancelLicenseIpAsync("192.0.2.5", 10682, ct);
            Console.WriteLine($"api_cancel_license_ip: status={cancelled?.Status} text={cancelled?.StatusText}");
            Check(cancelled is { IsOk: true } && cancelled.StatusText?.StartsWith("License 192.0.2.5 of type 10682 canceled.", StringComparison.Ordinal) == true,
                "api_cancel_license_ip struct");

            // Scalar with a session: non-ASCII string.
            string? name = await session.ApiVpsGetServerNameAsync(42, ct);
            Console.WriteLine($"api_vps_get_server_name: {name}");
            Check(name == "vps42.zürich.example", "api_vps_get_server_name scalar");

            // Session expiry on the server: the runtime logs in again once and the call succeeds.
            using (var expire = await http.GetAsync(new Uri(endpoint, "/__control/expire"), ct))
            {
                Check(expire.IsSuccessStatusCode, "control endpoint /__control/expire");
            }

            string? afterExpiry = await session.ApiVpsGetServerNameAsync(7, ct);
            Check(afterExpiry == "vps7.zürich.example", "call after session expiry succeeds (re-login)");

            // A fault: an invalid sid on the raw client.
            try
            {
                await api.ApiCancelLicenseIpAsync("not-a-session", "192.0.2.5", 10682, ct);
                Check(false, "invalid sid raises SoapFaultException");
            }
            catch (SoapFaultException ex)
            {
                Console.WriteLine($"fault: Code={ex.Code} Reason={ex.Reason}");
                Check(ex.Reason == "Invalid Session ID", "fault reason 'Invalid Session ID'");
            }

            // Bad credentials: blank session id -> SoapAuthenticationException.
            try
            {
                await api.CreateSession(user, password + "-wrong").ApiCancelLicenseIpAsync("192.0.2.5", 10682, ct);
                Check(false, "bad login raises SoapAuthenticationException");
            }
            catch (SoapAuthenticationException)
            {
                Check(true, "bad login raises SoapAuthenticationException");
            }
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"UNEXPECTED {ex.GetType().FullName}: {ex.Message}");
            _failures++;
        }

        Console.WriteLine(_failures == 0 ? $"AOT SMOKE OK: {_checks} checks" : $"AOT SMOKE FAILED: {_failures} of {_checks} checks");
        return _failures == 0 ? 0 : 1;
    }

    private static bool Check(bool condition, string what)
    {
        _checks++;
        if (!condition)
        {
            _failures++;
            Console.Error.WriteLine($"FAIL: {what}");
        }

        return condition;
    }
}
