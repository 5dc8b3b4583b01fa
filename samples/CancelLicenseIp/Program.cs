// Port of the "Cancel License Ip" seed sample (api_cancel_license_ip) to a SoapGen-generated client.
//
//   dotnet run --project samples/CancelLicenseIp -- <username> <password> <ip> <type> [endpoint]
//
// The seed scripts log in with api_login, stop on a blank session id ("Got A Blank Session"), call
// api_cancel_license_ip(sid, ip, type) and print the reply. Here CreateSession does the login (lazily, on
// the first call) and fills in `sid`; a blank session id becomes a SoapAuthenticationException.
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
        Usage: CancelLicenseIp <username> <password> <ip> <type> [endpoint]

          username, password  your my.interserver.net API login
          ip                  the licensed IP address to cancel
          type                the licence package id (see api_get_license_types)
          endpoint            optional SOAP endpoint URL (http:// or https://);
                              default https://my.interserver.net/api.php

        Exit codes: 0 cancelled (status ok), 2 the server answered with an error status,
                    1 SOAP fault, failed login or unreadable reply, 64 bad arguments.
        """;

    private static async Task<int> Main(string[] args)
    {
        if (args.Length is < 4 or > 5
            || !int.TryParse(args[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out int type))
        {
            Console.Error.WriteLine(Usage);
            return 64;
        }

        string username = args[0], password = args[1], ip = args[2];
        Uri? endpoint = null;
        if (args.Length == 5 && !TryParseEndpoint(args[4], out endpoint))
        {
            Console.Error.WriteLine($"Not an http(s) URL: {args[4]}");
            Console.Error.WriteLine(Usage);
            return 64;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var api = new MyapiClient(http, endpoint ?? MyapiClient.DefaultEndpoint);
        var session = api.CreateSession(username, password);

        try
        {
            CancelLicenseIpReturn? res = await session.ApiCancelLicenseIpAsync(ip, type, CancellationToken.None);
            if (res is null)
            {
                Console.Error.WriteLine("The server returned an empty (nil) response.");
                return 1;
            }

            Console.WriteLine("Response:");
            Console.WriteLine($"status: {res.Status}");
            Console.WriteLine($"status_text: {res.StatusText}");
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
            // SoapProtocolException and friends: the reply was not a SOAP envelope we could read.
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

    private static bool TryParseEndpoint(string text, out Uri? endpoint)
    {
        endpoint = Uri.TryCreate(text, UriKind.Absolute, out Uri? uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
        return endpoint is not null;
    }
}
