// Port of the "Buy License" seed sample (api_buy_license) to a SoapGen-generated client.
//
//   dotnet run --project samples/BuyLicense -- <username> <password> <ip> <type> [coupon] [endpoint]
//
// The seed scripts log in with api_login, stop on a blank session id, call
// api_buy_license(sid, ip, type, coupon) and print the reply (status, status_text, invoice, cost).
// Here CreateSession does the login (lazily, on the first call) and fills in `sid`.
using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using InterServer;
using SoapGen.Runtime;

internal static class Program
{
    private const string Usage =
        """
        Usage: BuyLicense <username> <password> <ip> <type> [coupon] [endpoint]

          username, password  your my.interserver.net API login
          ip                  the IP address to license
          type                the licence package id (see api_get_license_types)
          coupon              optional coupon code; "" (an empty argument) means no coupon
          endpoint            optional SOAP endpoint URL; default https://my.interserver.net/api.php

        Both trailing arguments are optional, so they are told apart by their shape: an argument that
        starts with http:// or https:// is the endpoint, anything else in 5th place is the coupon.
          BuyLicense me@example.com pw 1.2.3.4 10682                          no coupon, live API
          BuyLicense me@example.com pw 1.2.3.4 10682 SPRING                   coupon SPRING, live API
          BuyLicense me@example.com pw 1.2.3.4 10682 http://127.0.0.1:8080/   no coupon, local endpoint
          BuyLicense me@example.com pw 1.2.3.4 10682 SPRING http://127.0.0.1:8080/

        Exit codes: 0 ordered (status ok), 2 the server answered with an error status,
                    1 SOAP fault, failed login or unreadable reply, 64 bad arguments.
        """;

    private static async Task<int> Main(string[] args)
    {
        if (!TryParseArguments(args, out Arguments? a, out string? error))
        {
            if (error is not null)
            {
                Console.Error.WriteLine(error);
            }

            Console.Error.WriteLine(Usage);
            return 64;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var api = new MyapiClient(http, a.Endpoint ?? MyapiClient.DefaultEndpoint);
        var session = api.CreateSession(a.Username, a.Password);

        try
        {
            BuyLicenseReturn? res = await session.ApiBuyLicenseAsync(a.Ip, a.Type, a.Coupon, CancellationToken.None);
            if (res is null)
            {
                Console.Error.WriteLine("The server returned an empty (nil) response.");
                return 1;
            }

            Console.WriteLine("Response:");
            Console.WriteLine($"status: {res.Status}");
            Console.WriteLine($"status_text: {res.StatusText}");
            // invoice and cost are nullable: nusoap sends xsi:nil (or nothing) when there is no invoice.
            Console.WriteLine($"invoice: {res.Invoice?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}");
            Console.WriteLine($"cost: {res.Cost?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}");
            return res.IsOk ? 0 : 2;
        }
        catch (SoapAuthenticationException ex)
        {
            // The seeds' "Got A Blank Session": api_login returned an empty session id.
            Console.Error.WriteLine($"Got A Blank Session (login failed): {ex.Message}");
            return 1;
        }
        catch (SoapFaultException ex)
        {
            Console.Error.WriteLine("SOAP fault:");
            Console.Error.WriteLine($"Code: {ex.Code}");
            Console.Error.WriteLine($"String: {ex.Reason}");
            return 1;
        }
        catch (SoapException ex)
        {
            Console.Error.WriteLine($"SOAP error: {ex.Message}");
            return 1;
        }
        catch (HttpRequestException ex)
        {
            Console.Error.WriteLine($"Could not reach {api.Endpoint}: {ex.Message}");
            return 1;
        }
        catch (TaskCanceledException)
        {
            Console.Error.WriteLine($"Timed out waiting for {api.Endpoint}.");
            return 1;
        }
    }

    private sealed record Arguments(string Username, string Password, string Ip, int Type, string? Coupon, Uri? Endpoint);

    private static bool TryParseArguments(string[] args, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Arguments? parsed, out string? error)
    {
        parsed = null;
        error = null;
        if (args.Length is < 4 or > 6)
        {
            return false;
        }

        if (!int.TryParse(args[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out int type))
        {
            error = $"type must be an integer package id, got '{args[3]}'.";
            return false;
        }

        string? coupon = null;
        Uri? endpoint = null;
        string[] rest = args[4..];
        if (rest.Length == 2)
        {
            coupon = rest[0];
            if (LooksLikeUrl(coupon))
            {
                error = $"the 5th argument looks like an endpoint URL ({coupon}), but an endpoint can only come last.";
                return false;
            }

            if (!TryParseEndpoint(rest[1], out endpoint))
            {
                error = $"the endpoint must be an http:// or https:// URL, got '{rest[1]}'.";
                return false;
            }
        }
        else if (rest.Length == 1)
        {
            if (LooksLikeUrl(rest[0]))
            {
                if (!TryParseEndpoint(rest[0], out endpoint))
                {
                    error = $"not a valid endpoint URL: '{rest[0]}'.";
                    return false;
                }
            }
            else
            {
                coupon = rest[0];
            }
        }

        parsed = new Arguments(args[0], args[1], args[2], type, string.IsNullOrEmpty(coupon) ? null : coupon, endpoint);
        return true;
    }

    private static bool LooksLikeUrl(string text) =>
        text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static bool TryParseEndpoint(string text, out Uri? endpoint)
    {
        endpoint = LooksLikeUrl(text) && Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) ? uri : null;
        return endpoint is not null;
    }
}
