using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using SoapGen.Runtime;
using Weather;
using Xunit.Abstractions;

namespace SoapGen.Interop.Tests;

/// <summary>
/// The generated document/literal client (wsdl/weather.wsdl) against PHP ext/soap's SoapServer in WSDL mode
/// (tests/servers/weather/server.php): every operation decoded field by field, and the request checked on the wire
/// (qualified wrapper and members, optional elements omitted, one element per repeated item, no xsi:type, SOAPAction).
/// The server echoes its inputs, so a decoded value also proves what arrived; it also faults on any element inside Body
/// that is not in urn:soapgen:weather or carries xsi:type, which ext/soap alone would tolerate.
/// </summary>
public sealed class WeatherDocumentLiteralTests(WeatherPhpServer server, ITestOutputHelper output) : IClassFixture<WeatherPhpServer>, IDisposable
{
    private const string Ns = "urn:soapgen:weather";
    private static readonly XNamespace Tns = Ns;
    private static readonly XNamespace SoapEnv = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private readonly RecordingHandler _wire = new();

    [Fact]
    public async Task GetForecastDecodesEveryFieldAndEchoesEveryParameter()
    {
        WeatherClient client = server.CreateClient(_wire);

        Forecast? forecast = await client.GetForecastAsync("Bern", 4, new[] { "a", "b" });

        Dump(_wire.Last);
        Assert.NotNull(forecast);
        Assert.Equal("Bern", forecast.City);
        Assert.Equal(21.5, forecast.High);
        Assert.Equal(8.5, forecast.Low);
        Assert.Equal("days=4 tags=a,b", forecast.Summary);
        Assert.NotNull(forecast.Day);
        Assert.Equal(new[] { "Mon", "Tue", "Wed", "Thu" }, forecast.Day.Select(d => d.Name));
        Assert.Equal(new bool?[] { false, true, false, true }, forecast.Day.Select(d => d.Rain));
    }

    [Fact]
    public async Task GetForecastRequestIsAQualifiedLiteralWrapperWithTheSoapAction()
    {
        WeatherClient client = server.CreateClient(_wire);

        await client.GetForecastAsync("Bern", 2, new[] { "a", "b", "c" });

        Exchange x = _wire.Last;
        Assert.Equal("POST", x.Method);
        Assert.Equal("\"urn:soapgen:weather#GetForecast\"", x.RequestHeaders["SOAPAction"]);
        Assert.StartsWith("text/xml", x.RequestHeaders["Content-Type"], StringComparison.Ordinal);

        XElement wrapper = BodyChild(x.RequestBody);
        Assert.Equal(Tns + "GetForecast", wrapper.Name);
        Assert.Equal(
            new[] { Tns + "city", Tns + "days", Tns + "tag", Tns + "tag", Tns + "tag" },
            wrapper.Elements().Select(e => e.Name));
        Assert.Equal("Bern", (string)wrapper.Element(Tns + "city")!);
        Assert.Equal("2", (string)wrapper.Element(Tns + "days")!);
        Assert.Equal(new[] { "a", "b", "c" }, wrapper.Elements(Tns + "tag").Select(e => e.Value));
        AssertLiteral(x.RequestBody);
        Assert.Empty(wrapper.DescendantsAndSelf().Attributes(Xsi + "nil"));
        Assert.Null(wrapper.Attribute(SoapEnv + "encodingStyle"));
        Assert.Equal(200, x.Status);
    }

    [Fact]
    public async Task OptionalMembersCanBeLeftOutOfTheCall()
    {
        WeatherClient client = server.CreateClient(_wire);

        // days and tag are minOccurs="0" and follow the last required member: the call may leave them out.
        Forecast? forecast = await client.GetForecastAsync("Basel");

        Assert.Equal(new[] { Tns + "city" }, BodyChild(_wire.Last.RequestBody).Elements().Select(e => e.Name));
        Assert.Equal(3, forecast!.Day!.Length);
    }

    [Fact]
    public async Task ANullForARequiredNonNillableMemberIsRefusedBeforeAnythingIsSent()
    {
        WeatherClient client = server.CreateClient(_wire);

        // city is required and not nillable: null has no valid form in a literal message (neither absent nor xsi:nil).
        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetForecastAsync(null!));
        Assert.Equal("city", error.ParamName);
        Assert.Empty(_wire.Exchanges);
    }

    [Fact]
    public async Task NullDaysIsOmittedNotNilAndNoTagsSendNoTagElements()
    {
        WeatherClient client = server.CreateClient(_wire);

        Forecast? forecast = await client.GetForecastAsync("Basel", null, null);

        XElement wrapper = BodyChild(_wire.Last.RequestBody);
        Assert.Equal(new[] { Tns + "city" }, wrapper.Elements().Select(e => e.Name));
        Assert.DoesNotContain("days", _wire.Last.RequestBody, StringComparison.Ordinal);
        Assert.DoesNotContain("tag", _wire.Last.RequestBody, StringComparison.Ordinal);
        AssertLiteral(_wire.Last.RequestBody);

        // The server saw no days: the default of 3 rows and no <low> (minOccurs="0", omitted on the wire too).
        Assert.NotNull(forecast);
        Assert.Equal("Basel", forecast.City);
        Assert.Equal(21.5, forecast.High);
        Assert.Null(forecast.Low);
        XElement result = BodyChild(_wire.Last.ResponseBody).Element(Tns + "GetForecastResult")!;
        Assert.Null(result.Element(Tns + "low"));
        Assert.Equal(3, forecast.Day!.Length);

        // No tags: summary comes back as <summary xsi:nil="true"/> and decodes to null.
        XElement summary = result.Element(Tns + "summary")!;
        Assert.Equal("true", (string?)summary.Attribute(Xsi + "nil"));
        Assert.Null(forecast.Summary);
    }

    [Fact]
    public async Task EmptyTagArrayIsLikeNullAndOneTagIsOneElement()
    {
        WeatherClient client = server.CreateClient(_wire);

        Forecast? none = await client.GetForecastAsync("Bern", 1, Array.Empty<string>());
        Assert.Empty(BodyChild(_wire.Last.RequestBody).Elements(Tns + "tag"));
        Assert.Null(none!.Summary);

        Forecast? one = await client.GetForecastAsync("Bern", 1, new[] { "x" });
        Assert.Single(BodyChild(_wire.Last.RequestBody).Elements(Tns + "tag"));
        Assert.Equal("days=1 tags=x", one!.Summary);
        Assert.Equal(8.5, one.Low);
        ForecastDay day = Assert.Single(one.Day!);
        Assert.Equal(new ForecastDay { Name = "Mon", Rain = false }, day);
    }

    [Fact]
    public async Task ZeroDaysGivesNoDayElementsAndDayDecodesToNull()
    {
        WeatherClient client = server.CreateClient(_wire);

        Forecast? forecast = await client.GetForecastAsync("Bern", 0, new[] { "t" });

        Assert.Equal("0", (string)BodyChild(_wire.Last.RequestBody).Element(Tns + "days")!);
        Assert.Empty(BodyChild(_wire.Last.ResponseBody).Descendants(Tns + "day"));
        Assert.NotNull(forecast);
        Assert.Equal("days=0 tags=t", forecast.Summary);
        Assert.Null(forecast.Day); // omitted repeated element -> null (the generated contract)
    }

    [Fact]
    public async Task NonAsciiAndMarkupCharactersRoundTrip()
    {
        WeatherClient client = server.CreateClient(_wire);
        const string city = "  Zürich <Genève> & \"Neuchâtel\" 東京 😀\r\n\tend  ";

        Forecast? forecast = await client.GetForecastAsync(city, null, new[] { "ä&b", "<c>" });

        Assert.Equal(city, forecast!.City);
        Assert.Equal("days=3 tags=ä&b,<c>", forecast.Summary);
    }

    [Fact]
    public async Task NilResultDecodesToNull()
    {
        WeatherClient client = server.CreateClient(_wire);

        Forecast? forecast = await client.GetForecastAsync("Atlantis", 1, null);

        XElement result = BodyChild(_wire.Last.ResponseBody).Element(Tns + "GetForecastResult")!;
        Assert.Equal("true", (string?)result.Attribute(Xsi + "nil"));
        Assert.Null(forecast);
    }

    [Fact]
    public async Task ListStationsDecodesRepeatedStationsTotalAndDateTime()
    {
        WeatherClient client = server.CreateClient(_wire);

        ListStationsResult result = await client.ListStationsAsync("CH");

        Exchange x = _wire.Last;
        Assert.Equal("\"urn:soapgen:weather#ListStations\"", x.RequestHeaders["SOAPAction"]);
        XElement wrapper = BodyChild(x.RequestBody);
        Assert.Equal(Tns + "ListStations", wrapper.Name);
        Assert.Equal(new[] { Tns + "country" }, wrapper.Elements().Select(e => e.Name));
        Assert.Equal("CH", wrapper.Element(Tns + "country")!.Value);
        AssertLiteral(x.RequestBody);

        Assert.Equal(new[] { "Basel", "Bern", "Zürich" }, result.Station);
        Assert.Equal(3, result.Total);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), result.Updated);
        Assert.Equal(TimeSpan.Zero, result.Updated!.Value.Offset);
        Assert.Equal("2026-11-25T12:00:00+00:00", result.Updated.Value.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ListStationsWithNoStationsOmitsTheRepeatedElementAndDecodesToAnEmptyArray()
    {
        WeatherClient client = server.CreateClient(_wire);

        ListStationsResult result = await client.ListStationsAsync("FR");

        Assert.Empty(BodyChild(_wire.Last.ResponseBody).Elements(Tns + "station"));
        Assert.Empty(result.Station!); // zero occurrences of a repeated response part: an empty result, not a missing one
        Assert.Equal(0, result.Total);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), result.Updated);
    }

    [Fact]
    public async Task SubmitReportSendsTheBareReportElementAndReadsTheReceipt()
    {
        WeatherClient client = server.CreateClient(_wire);
        var report = new Forecast
        {
            City = "Lugano",
            High = 19.25,
            Low = 7,
            Summary = null,
            Day = new[] { new ForecastDay { Name = "Mon", Rain = true }, new ForecastDay { Name = "Tue", Rain = false } },
        };

        string? receipt = await client.SubmitReportAsync(report);

        Exchange x = _wire.Last;
        Dump(x);
        Assert.Equal("received Lugano 19.25 2 days", receipt);
        Assert.Equal("\"urn:soapgen:weather#SubmitReport\"", x.RequestHeaders["SOAPAction"]);

        XElement body = XDocument.Parse(x.RequestBody).Root!.Element(SoapEnv + "Body")!;
        XElement first = Assert.Single(body.Elements()); // bare: no SubmitReport wrapper, the part's element is the body
        Assert.Equal(Tns + "Report", first.Name);
        Assert.Equal(
            new[] { Tns + "city", Tns + "high", Tns + "low", Tns + "summary", Tns + "day", Tns + "day" },
            first.Elements().Select(e => e.Name));
        Assert.Equal("19.25", first.Element(Tns + "high")!.Value);
        Assert.Equal("7", first.Element(Tns + "low")!.Value);
        Assert.Equal("true", (string?)first.Element(Tns + "summary")!.Attribute(Xsi + "nil")); // nillable: null -> xsi:nil
        Assert.All(first.Elements(Tns + "day"), d => Assert.Equal(new[] { Tns + "name", Tns + "rain" }, d.Elements().Select(e => e.Name)));
        Assert.Equal(new[] { "true", "false" }, first.Elements(Tns + "day").Select(d => d.Element(Tns + "rain")!.Value));
        AssertLiteral(x.RequestBody);

        Assert.Equal(Tns + "ReportReceipt", BodyChild(x.ResponseBody).Name);
    }

    [Fact]
    public async Task AttributesAndSimpleContentRoundTrip()
    {
        WeatherClient client = server.CreateClient(_wire);

        Forecast? forecast = await client.GetForecastAsync("Bern", 1, null);
        string? receipt = await client.SubmitReportAsync(new Forecast
        {
            City = "Sion",
            High = 1,
            Unit = "F",
            Station = 7,
            Wind = new Wind { Value = 3.5, Direction = "S" },
        });

        Assert.NotNull(forecast);
        Assert.Equal("C", forecast.Unit);
        Assert.Equal(42, forecast.Station);
        Assert.NotNull(forecast.Wind);
        Assert.Equal(12.5, forecast.Wind.Value);
        Assert.Equal("NW", forecast.Wind.Direction);
        Assert.Equal("received Sion 1 0 days unit=F station=7 wind=3.5 S", receipt);
        XElement report = BodyChild(_wire.Last.RequestBody);
        Assert.Equal("F", (string?)report.Attribute("unit"));
        Assert.Equal("7", (string?)report.Attribute("station"));
        XElement wind = report.Element(Tns + "wind")!;
        Assert.Equal("3.5", wind.Value);
        Assert.Equal("S", (string?)wind.Attribute("direction"));
        AssertLiteral(_wire.Last.RequestBody);
    }

    [Fact]
    public async Task SubmitReportOmitsANullLowAndSendsNoDayElementsForNullDays()
    {
        WeatherClient client = server.CreateClient(_wire);

        string? receipt = await client.SubmitReportAsync(new Forecast { City = "Chur", High = 20, Summary = "dry" });

        Assert.Equal("received Chur 20 0 days", receipt);
        XElement report = BodyChild(_wire.Last.RequestBody);
        Assert.Equal(new[] { Tns + "city", Tns + "high", Tns + "summary" }, report.Elements().Select(e => e.Name));
        AssertLiteral(_wire.Last.RequestBody);
    }

    [Fact]
    public async Task TheServerReallyRejectsUnqualifiedMembers()
    {
        // Control for the checks above: the same call with its members rewritten unqualified is refused by the server.
        _wire.RewriteRequest = body =>
        {
            XDocument doc = XDocument.Parse(body);
            foreach (XElement e in doc.Root!.Element(SoapEnv + "Body")!.Elements().Elements())
            {
                e.Name = e.Name.LocalName;
            }

            return doc.ToString(SaveOptions.DisableFormatting);
        };
        WeatherClient client = server.CreateClient(_wire);

        SoapFaultException ex = await Assert.ThrowsAsync<SoapFaultException>(() => client.GetForecastAsync("Bern", 1, null));

        Assert.Equal("Client", ex.Code);
        Assert.Contains("element <city> is in namespace \"\"", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetWsdlReturnsTheWsdl()
    {
        using var http = new HttpClient();
        string wsdl = await http.GetStringAsync(new Uri(server.Endpoint, "?wsdl"));

        Assert.Equal("urn:soapgen:weather", (string?)XDocument.Parse(wsdl).Root!.Attribute("targetNamespace"));
    }

    public void Dispose() => _wire.Dispose();

    /// <summary>The first element inside the envelope's Body.</summary>
    private static XElement BodyChild(string envelope) =>
        XDocument.Parse(envelope).Root!.Element(SoapEnv + "Body")!.Elements().First();

    /// <summary>Literal: every element inside Body is in the service namespace and none has xsi:type or encodingStyle.</summary>
    private static void AssertLiteral(string envelope)
    {
        XElement body = XDocument.Parse(envelope).Root!.Element(SoapEnv + "Body")!;
        Assert.All(body.Descendants(), e => Assert.Equal(Ns, e.Name.NamespaceName));
        Assert.Empty(body.Descendants().Attributes(Xsi + "type"));
        Assert.Empty(body.DescendantsAndSelf().Attributes(SoapEnv + "encodingStyle"));
    }

    private void Dump(Exchange x)
    {
        output.WriteLine("> SOAPAction: " + x.RequestHeaders.GetValueOrDefault("SOAPAction"));
        output.WriteLine("> Content-Type: " + x.RequestHeaders.GetValueOrDefault("Content-Type"));
        output.WriteLine(x.RequestBody);
        output.WriteLine("< " + x.Status + " Content-Type: " + x.ResponseHeaders.GetValueOrDefault("Content-Type"));
        output.WriteLine(x.ResponseBody);
    }
}
