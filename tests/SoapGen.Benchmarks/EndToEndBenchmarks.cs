using System;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SoapGen.Benchmarks.Baseline;

namespace SoapGen.Benchmarks;

/// <summary>
/// End to end against the server in another process (<see cref="OutOfProcessServer"/>): what this process spends, in
/// time and bytes, is the client's alone. One long-lived client each (WCF ClientBase opened once; SoapGen client over
/// one HttpClient), replies in UTF-8. Each category is one operation at one concurrency, WCF its baseline
/// (Ratio = SoapGen / WCF): "1 in flight" is one call per invocation; "64 in flight" is 64 callers each making
/// <see cref="CallsPerCaller"/> calls back to back (one call each for the large reply, to keep a dry run short),
/// reported per call (OperationsPerInvoke), so Mean is the inverse of the throughput. "HttpClient floor" in each
/// category sends the request SoapGen sends through a bare HttpClient and reads the reply without parsing it
/// (<see cref="HttpFloor"/>): what loopback, HttpClient and Kestrel cost, the limit of any HttpClient-based client.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EndToEndBenchmarks
{
    private const int InFlight = 64;
    private const int CallsPerCaller = 4;
    private const int Calls = InFlight * CallsPerCaller;

    private OutOfProcessServer? _server;
    private myapiPortTypeClient? _wcf;
    private myapiPortTypeClient? _wcfLarge;
    private HttpClient? _http;
    private InterServer.MyapiClient? _soapGen;
    private InterServer.MyapiClient? _soapGenLarge;
    private HttpClient? _floorHttp;
    private HttpFloor? _floor;
    private HttpFloor.Request? _loginRequest;
    private HttpFloor.Request? _buyLicenseRequest;
    private HttpFloor.Request? _licenseTypesRequest;
    private HttpFloor.Request? _invoicesRequest;
    private HttpFloor.Request? _largeInvoicesRequest;

    private myapiPortTypeClient Wcf => _wcf!;
    private myapiPortTypeClient WcfLarge => _wcfLarge!;
    private InterServer.MyapiClient SoapGen => _soapGen!;
    private InterServer.MyapiClient SoapGenLarge => _soapGenLarge!;
    private HttpFloor Floor => _floor!;

    [GlobalSetup]
    public void Setup()
    {
        _server = new OutOfProcessServer();
        _wcf = Clients.CreateWcf(_server.Endpoint);
        _wcf.OpenAsync().GetAwaiter().GetResult();
        _wcfLarge = Clients.CreateWcf(_server.LargeEndpoint);
        _wcfLarge.OpenAsync().GetAwaiter().GetResult();
        _http = Clients.CreateHttpClient();
        _soapGen = Clients.CreateSoapGen(_http, _server.Endpoint);
        _soapGenLarge = Clients.CreateSoapGen(_http, _server.LargeEndpoint);
        Clients.VerifySameValuesAsync(_wcf, _soapGen).GetAwaiter().GetResult();
        Clients.VerifyInvoicesAsync(_wcfLarge, _soapGenLarge, CannedReplies.LargeInvoiceRows).GetAwaiter().GetResult();

        // Its own HttpClient (same settings), so the floor neither shares nor warms SoapGen's connections.
        _floorHttp = Clients.CreateHttpClient();
        _floor = new HttpFloor(_floorHttp);
        _loginRequest = Record(_server.Endpoint, c => c.ApiLoginAsync(Clients.User, Clients.Password));
        _buyLicenseRequest = Record(_server.Endpoint, c => c.ApiBuyLicenseAsync(CannedReplies.SessionId, Clients.Ip, Clients.LicenseType, Clients.Coupon));
        _licenseTypesRequest = Record(_server.Endpoint, c => c.ApiGetLicenseTypesAsync());
        _invoicesRequest = Record(_server.Endpoint, c => c.ApiLicensesGetClientInvoicesAsync(CannedReplies.SessionId));
        _largeInvoicesRequest = Record(_server.LargeEndpoint, c => c.ApiLicensesGetClientInvoicesAsync(CannedReplies.SessionId));
    }

    // Records SoapGen's request and checks that the floor gets the whole reply to it.
    private HttpFloor.Request Record(Uri endpoint, Func<InterServer.MyapiClient, Task> call)
    {
        HttpFloor.Request request = HttpFloor.RecordAsync(endpoint, call).GetAwaiter().GetResult();
        Floor.PostAsync(request).GetAwaiter().GetResult();
        return request;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Close(_wcf);
        Close(_wcfLarge);
        _http?.Dispose();
        _floorHttp?.Dispose();
        _server?.Dispose();
    }

    private static void Close(myapiPortTypeClient? client)
    {
        if (client is null)
        {
            return;
        }

        try { client.CloseAsync().GetAwaiter().GetResult(); } catch (System.ServiceModel.CommunicationException) { client.Abort(); }
    }

    // InFlight callers, each making CallsPerCaller calls one after the other: InFlight calls in flight until the last round.
    private static Task InParallel(Func<Task> call, int callsPerCaller = CallsPerCaller)
    {
        var callers = new Task[InFlight];
        for (int i = 0; i < callers.Length; i++)
        {
            callers[i] = Caller(call, callsPerCaller);
        }

        return Task.WhenAll(callers);

        static async Task Caller(Func<Task> call, int calls)
        {
            for (int i = 0; i < calls; i++)
            {
                await call().ConfigureAwait(false);
            }
        }
    }

    private Task<string> LoginWcf() => Wcf.api_loginAsync(Clients.User, Clients.Password);
    private Task<string?> LoginSoapGen() => SoapGen.ApiLoginAsync(Clients.User, Clients.Password);
    private Task<buy_license_return> BuyLicenseWcf() => Wcf.api_buy_licenseAsync(CannedReplies.SessionId, Clients.Ip, Clients.LicenseType, Clients.Coupon);
    private Task<InterServer.BuyLicenseReturn?> BuyLicenseSoapGen() => SoapGen.ApiBuyLicenseAsync(CannedReplies.SessionId, Clients.Ip, Clients.LicenseType, Clients.Coupon);

    [BenchmarkCategory("api_login, 1 in flight"), Benchmark(Baseline = true, Description = "WCF")]
    public Task<string> Login_Wcf() => LoginWcf();

    [BenchmarkCategory("api_login, 1 in flight"), Benchmark(Description = "SoapGen")]
    public Task<string?> Login_SoapGen() => LoginSoapGen();

    [BenchmarkCategory("api_login, 1 in flight"), Benchmark(Description = "HttpClient floor")]
    public Task<int> Login_Floor() => Floor.PostAsync(_loginRequest!);

    [BenchmarkCategory("api_login, 64 in flight"), Benchmark(Baseline = true, Description = "WCF", OperationsPerInvoke = Calls)]
    public Task Login64_Wcf() => InParallel(LoginWcf);

    [BenchmarkCategory("api_login, 64 in flight"), Benchmark(Description = "SoapGen", OperationsPerInvoke = Calls)]
    public Task Login64_SoapGen() => InParallel(LoginSoapGen);

    [BenchmarkCategory("api_login, 64 in flight"), Benchmark(Description = "HttpClient floor", OperationsPerInvoke = Calls)]
    public Task Login64_Floor() => InParallel(() => Floor.PostAsync(_loginRequest!));

    [BenchmarkCategory("api_buy_license, 1 in flight"), Benchmark(Baseline = true, Description = "WCF")]
    public Task<buy_license_return> BuyLicense_Wcf() => BuyLicenseWcf();

    [BenchmarkCategory("api_buy_license, 1 in flight"), Benchmark(Description = "SoapGen")]
    public Task<InterServer.BuyLicenseReturn?> BuyLicense_SoapGen() => BuyLicenseSoapGen();

    [BenchmarkCategory("api_buy_license, 1 in flight"), Benchmark(Description = "HttpClient floor")]
    public Task<int> BuyLicense_Floor() => Floor.PostAsync(_buyLicenseRequest!);

    [BenchmarkCategory("api_buy_license, 64 in flight"), Benchmark(Baseline = true, Description = "WCF", OperationsPerInvoke = Calls)]
    public Task BuyLicense64_Wcf() => InParallel(BuyLicenseWcf);

    [BenchmarkCategory("api_buy_license, 64 in flight"), Benchmark(Description = "SoapGen", OperationsPerInvoke = Calls)]
    public Task BuyLicense64_SoapGen() => InParallel(BuyLicenseSoapGen);

    [BenchmarkCategory("api_buy_license, 64 in flight"), Benchmark(Description = "HttpClient floor", OperationsPerInvoke = Calls)]
    public Task BuyLicense64_Floor() => InParallel(() => Floor.PostAsync(_buyLicenseRequest!));

    [BenchmarkCategory("api_get_license_types (20 rows), 1 in flight"), Benchmark(Baseline = true, Description = "WCF")]
    public Task<license_type[]> LicenseTypes_Wcf() => Wcf.api_get_license_typesAsync();

    [BenchmarkCategory("api_get_license_types (20 rows), 1 in flight"), Benchmark(Description = "SoapGen")]
    public Task<InterServer.LicenseType?[]?> LicenseTypes_SoapGen() => SoapGen.ApiGetLicenseTypesAsync();

    [BenchmarkCategory("api_get_license_types (20 rows), 1 in flight"), Benchmark(Description = "HttpClient floor")]
    public Task<int> LicenseTypes_Floor() => Floor.PostAsync(_licenseTypesRequest!);

    [BenchmarkCategory("api_get_license_types (20 rows), 64 in flight"), Benchmark(Baseline = true, Description = "WCF", OperationsPerInvoke = Calls)]
    public Task LicenseTypes64_Wcf() => InParallel(Wcf.api_get_license_typesAsync);

    [BenchmarkCategory("api_get_license_types (20 rows), 64 in flight"), Benchmark(Description = "SoapGen", OperationsPerInvoke = Calls)]
    public Task LicenseTypes64_SoapGen() => InParallel(() => SoapGen.ApiGetLicenseTypesAsync());

    [BenchmarkCategory("api_get_license_types (20 rows), 64 in flight"), Benchmark(Description = "HttpClient floor", OperationsPerInvoke = Calls)]
    public Task LicenseTypes64_Floor() => InParallel(() => Floor.PostAsync(_licenseTypesRequest!));

    [BenchmarkCategory("invoices (20 x 14), 1 in flight"), Benchmark(Baseline = true, Description = "WCF")]
    public Task<sql_row_invoices[]> Invoices_Wcf() => Wcf.api_licenses_get_client_invoicesAsync(CannedReplies.SessionId);

    [BenchmarkCategory("invoices (20 x 14), 1 in flight"), Benchmark(Description = "SoapGen")]
    public Task<InterServer.SqlRowInvoices?[]?> Invoices_SoapGen() => SoapGen.ApiLicensesGetClientInvoicesAsync(CannedReplies.SessionId);

    [BenchmarkCategory("invoices (20 x 14), 1 in flight"), Benchmark(Description = "HttpClient floor")]
    public Task<int> Invoices_Floor() => Floor.PostAsync(_invoicesRequest!);

    [BenchmarkCategory("invoices (20 x 14), 64 in flight"), Benchmark(Baseline = true, Description = "WCF", OperationsPerInvoke = Calls)]
    public Task Invoices64_Wcf() => InParallel(() => Wcf.api_licenses_get_client_invoicesAsync(CannedReplies.SessionId));

    [BenchmarkCategory("invoices (20 x 14), 64 in flight"), Benchmark(Description = "SoapGen", OperationsPerInvoke = Calls)]
    public Task Invoices64_SoapGen() => InParallel(() => SoapGen.ApiLicensesGetClientInvoicesAsync(CannedReplies.SessionId));

    [BenchmarkCategory("invoices (20 x 14), 64 in flight"), Benchmark(Description = "HttpClient floor", OperationsPerInvoke = Calls)]
    public Task Invoices64_Floor() => InParallel(() => Floor.PostAsync(_invoicesRequest!));

    [BenchmarkCategory("invoices (500 x 14, 430 KB), 1 in flight"), Benchmark(Baseline = true, Description = "WCF")]
    public Task<sql_row_invoices[]> LargeInvoices_Wcf() => WcfLarge.api_licenses_get_client_invoicesAsync(CannedReplies.SessionId);

    [BenchmarkCategory("invoices (500 x 14, 430 KB), 1 in flight"), Benchmark(Description = "SoapGen")]
    public Task<InterServer.SqlRowInvoices?[]?> LargeInvoices_SoapGen() => SoapGenLarge.ApiLicensesGetClientInvoicesAsync(CannedReplies.SessionId);

    [BenchmarkCategory("invoices (500 x 14, 430 KB), 1 in flight"), Benchmark(Description = "HttpClient floor")]
    public Task<int> LargeInvoices_Floor() => Floor.PostAsync(_largeInvoicesRequest!);

    [BenchmarkCategory("invoices (500 x 14, 430 KB), 64 in flight"), Benchmark(Baseline = true, Description = "WCF", OperationsPerInvoke = InFlight)]
    public Task LargeInvoices64_Wcf() => InParallel(() => WcfLarge.api_licenses_get_client_invoicesAsync(CannedReplies.SessionId), callsPerCaller: 1);

    [BenchmarkCategory("invoices (500 x 14, 430 KB), 64 in flight"), Benchmark(Description = "SoapGen", OperationsPerInvoke = InFlight)]
    public Task LargeInvoices64_SoapGen() => InParallel(() => SoapGenLarge.ApiLicensesGetClientInvoicesAsync(CannedReplies.SessionId), callsPerCaller: 1);

    [BenchmarkCategory("invoices (500 x 14, 430 KB), 64 in flight"), Benchmark(Description = "HttpClient floor", OperationsPerInvoke = InFlight)]
    public Task LargeInvoices64_Floor() => InParallel(() => Floor.PostAsync(_largeInvoicesRequest!), callsPerCaller: 1);
}
