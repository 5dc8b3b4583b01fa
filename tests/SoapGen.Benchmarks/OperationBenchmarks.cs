using System;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SoapGen.Benchmarks.Baseline;

namespace SoapGen.Benchmarks;

/// <summary>
/// Steady state: one long-lived client each (WCF ClientBase opened once; SoapGen client over one HttpClient),
/// one call per invocation against the same in-process loopback server, replies in UTF-8.
/// Each category is one operation; WCF is its baseline (Ratio = SoapGen / WCF).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class OperationBenchmarks
{
    private LoopbackSoapServer? _server;
    private myapiPortTypeClient? _wcf;
    private HttpClient? _http;
    private InterServer.MyapiClient? _soapGen;

    private myapiPortTypeClient Wcf => _wcf!;
    private InterServer.MyapiClient SoapGen => _soapGen!;

    [GlobalSetup]
    public void Setup()
    {
        _server = new LoopbackSoapServer();
        _wcf = Clients.CreateWcf(_server.Endpoint);
        _wcf.OpenAsync().GetAwaiter().GetResult();
        _http = Clients.CreateHttpClient();
        _soapGen = Clients.CreateSoapGen(_http, _server.Endpoint);
        Clients.VerifySameValuesAsync(_wcf, _soapGen).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_wcf is not null)
        {
            try { _wcf.CloseAsync().GetAwaiter().GetResult(); } catch (System.ServiceModel.CommunicationException) { _wcf.Abort(); }
        }
        _http?.Dispose();
        _server?.Dispose();
    }

    [BenchmarkCategory("api_login"), Benchmark(Baseline = true, Description = "WCF")]
    public Task<string> Login_Wcf() => Wcf.api_loginAsync(Clients.User, Clients.Password);

    [BenchmarkCategory("api_login"), Benchmark(Description = "SoapGen")]
    public Task<string?> Login_SoapGen() => SoapGen.ApiLoginAsync(Clients.User, Clients.Password);

    [BenchmarkCategory("api_buy_license"), Benchmark(Baseline = true, Description = "WCF")]
    public Task<buy_license_return> BuyLicense_Wcf() =>
        Wcf.api_buy_licenseAsync(CannedReplies.SessionId, Clients.Ip, Clients.LicenseType, Clients.Coupon);

    [BenchmarkCategory("api_buy_license"), Benchmark(Description = "SoapGen")]
    public Task<InterServer.BuyLicenseReturn?> BuyLicense_SoapGen() =>
        SoapGen.ApiBuyLicenseAsync(CannedReplies.SessionId, Clients.Ip, Clients.LicenseType, Clients.Coupon);

    [BenchmarkCategory("api_get_license_types (20 rows)"), Benchmark(Baseline = true, Description = "WCF")]
    public Task<license_type[]> LicenseTypes_Wcf() => Wcf.api_get_license_typesAsync();

    [BenchmarkCategory("api_get_license_types (20 rows)"), Benchmark(Description = "SoapGen")]
    public Task<InterServer.LicenseType[]?> LicenseTypes_SoapGen() => SoapGen.ApiGetLicenseTypesAsync();

    [BenchmarkCategory("api_licenses_get_client_invoices (20 x 14)"), Benchmark(Baseline = true, Description = "WCF")]
    public Task<sql_row_invoices[]> Invoices_Wcf() => Wcf.api_licenses_get_client_invoicesAsync(CannedReplies.SessionId);

    [BenchmarkCategory("api_licenses_get_client_invoices (20 x 14)"), Benchmark(Description = "SoapGen")]
    public Task<InterServer.SqlRowInvoices[]?> Invoices_SoapGen() => SoapGen.ApiLicensesGetClientInvoicesAsync(CannedReplies.SessionId);
}
