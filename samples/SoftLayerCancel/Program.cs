// Ports of the flows in SoftLayer's "Cancel an item or service" article (seed 004) to SoapGen-generated clients.
//
//   SL_USERNAME=... SL_API_KEY=... [SL_ENDPOINT_URL=http://127.0.0.1:PORT/soap/v3.1/] \
//     dotnet run --project samples/SoftLayerCancel -- <flow> [arguments]
//
// Each flow takes the seed's inputs as arguments, defaulting to the seed's values. Exit codes: 0 done, 1 a fault the
// flow reports, 2 the credentials were rejected, 64 usage.
using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SoapGen.Runtime;

internal static class Program
{
    private const string Usage =
        """
        Usage: SoftLayerCancel <flow> [arguments]

          guest [id=12345678]                      Cancel Virtual Guest Service
          servers [ip ...=10.48.66.132 2.2.2.2]    Cancel server by private IP
          loadbalancer [id=109225] [immediate=true] Cancel Load Balancer
          globalip [id=880617]                     Cancel Global IP
          cdn [name=14793] [immediate=true]        Cancel CDN Storage
          storage [id=4471311]                     Cancel Storage Volume
          subnet [id=85467]                        Cancel Subnet
          vlan [id=563298]                         Cancel VLAN

        Environment: SL_USERNAME, SL_API_KEY, SL_ENDPOINT_URL (default https://api.softlayer.com/soap/v3.1/).
        """;

    private static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 64;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        SoftLayerApi client;
        try
        {
            client = SoftLayerApi.FromEnvironment(http);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 64;
        }

        string Arg(int index, string seedValue) => args.Length > index ? args[index] : seedValue;
        int Id(int index, int seedValue) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : seedValue;
        bool Flag(int index) => args.Length <= index || bool.Parse(args[index]);
        CancellationToken ct = CancellationToken.None;
        try
        {
            return args[0] switch
            {
                "guest" => await Flows.CancelVirtualGuestAsync(client, Id(1, 12345678), ct),
                "servers" => await Flows.CancelServersByIpAsync(client, args.Length > 1 ? args[1..] : ["10.48.66.132", "2.2.2.2"], ct),
                "loadbalancer" => await Flows.CancelLoadBalancerAsync(client, Id(1, 109225), Flag(2), ct),
                "globalip" => await Flows.CancelGlobalIpAsync(client, Id(1, 880617), ct),
                "cdn" => await Flows.CancelCdnAsync(client, Arg(1, "14793"), Flag(2), ct),
                "storage" => await Flows.CancelStorageAsync(client, Id(1, 4471311), ct),
                "subnet" => await Flows.CancelSubnetAsync(client, Id(1, 85467), ct),
                "vlan" => await Flows.CancelVlanAsync(client, Id(1, 563298), ct),
                _ => UsageError(),
            };
        }
        catch (SoapAuthenticationException ex)
        {
            Console.Error.WriteLine("The credentials were rejected: " + ex.Message);
            return 2;
        }
        catch (SoapFaultException ex)
        {
            Console.Error.WriteLine($"faultCode={ex.Code}, faultString={ex.Reason}");
            return 1;
        }
    }

    private static int UsageError()
    {
        Console.Error.WriteLine(Usage);
        return 64;
    }
}
