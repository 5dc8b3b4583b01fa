using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using SoapGen.Runtime;

namespace SoapGen.Interop.Tests;

/// <summary>
/// The clients generated from the SoapCore service's own WSDLs (wsdl/soapcore) against that service (ASP.NET Core +
/// SoapCore, XmlSerializer) on loopback: every operation round-tripped with SOAP 1.1, and the type-model cases again with
/// SOAP 1.2. What XmlSerializer on the server decodes is what it echoes, so a value that comes back equal crossed the wire
/// in the form .NET's own serializer expects (inheritance by xsi:type, enum wire names, optional and nil members).
/// </summary>
public sealed class SoapCoreClientTests : IClassFixture<SoapCoreServer>, IDisposable
{
    private readonly SoapCoreServer _server;
    private readonly HttpClient _http;
    private readonly SoapCore11.EchoClient _soap11;
    private readonly SoapCore12.EchoClient _soap12;

    public SoapCoreClientTests(SoapCoreServer server)
    {
        _server = server;
        _http = server.CreateHttpClient();
        _soap11 = new SoapCore11.EchoClient(_http, server.Soap11Endpoint);
        _soap12 = new SoapCore12.EchoClient(_http, server.Soap12Endpoint);
    }

    public void Dispose() => _http.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("<markup> & ]]> \"quotes\"")]
    [InlineData("tab\tnewline\n")]
    [InlineData("outside the BMP: \U0001F600")]
    public async Task Strings_round_trip_exactly(string value)
    {
        Assert.Equal(value, await _soap11.EchoStringAsync(value));
        Assert.Equal(value, await _soap12.EchoStringAsync(value));
    }

    [Fact]
    public async Task A_null_string_is_sent_as_absent_and_comes_back_null() =>
        Assert.Null(await _soap11.EchoStringAsync(null));

    [Fact]
    public async Task Scalars_keep_their_extremes()
    {
        var result = await _soap11.EchoScalarsAsync(int.MinValue, long.MaxValue, short.MinValue, byte.MaxValue, flag: true,
            single: float.Epsilon, dbl: double.MaxValue, money: 79228162514264337593543950335m);
        Assert.Equal(new SoapCore11.Scalars
        {
            Int32 = int.MinValue, Int64 = long.MaxValue, Int16 = short.MinValue, UInt8 = byte.MaxValue, Flag = true,
            Single = float.Epsilon, Double = double.MaxValue, Money = 79228162514264337593543950335m,
        }, result);

        var soap12 = await _soap12.EchoScalarsAsync(0, 0, 0, 0, flag: false, single: float.NegativeInfinity, dbl: double.NaN, money: -0.0000000000000000000000000001m);
        Assert.Equal(float.NegativeInfinity, soap12!.Single);
        Assert.True(double.IsNaN(soap12.Double!.Value));
        Assert.Equal(-0.0000000000000000000000000001m, soap12.Money);
    }

    [Fact]
    public async Task A_date_time_comes_back_as_the_same_instant()
    {
        var sent = new DateTimeOffset(2024, 2, 29, 13, 45, 10, 123, TimeSpan.FromHours(2));
        var back = await _soap11.EchoDateTimeAsync(sent);

        // XmlSerializer turns a DateTime with an offset into local time, SoapCore's server writes it back in UTC.
        Assert.Equal(sent.UtcDateTime, back!.Value.UtcDateTime);
    }

    [Fact]
    public async Task Durations_and_bytes_round_trip()
    {
        Assert.Equal(new TimeSpan(1, 2, 3, 4, 500), await _soap11.EchoDurationAsync(new TimeSpan(1, 2, 3, 4, 500)));
        Assert.Equal(TimeSpan.Zero, await _soap11.EchoDurationAsync(TimeSpan.Zero));
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(bytes, await _soap11.EchoBytesAsync(bytes));
        Assert.Equal(Array.Empty<byte>(), await _soap11.EchoBytesAsync(Array.Empty<byte>()));
        Assert.Null(await _soap11.EchoBytesAsync(null));
    }

    [Fact]
    public async Task Enumerations_travel_in_their_wire_form()
    {
        Assert.Equal(SoapCore11.Status.InProgress, await _soap11.EchoStatusAsync(SoapCore11.Status.InProgress));
        Assert.Equal("in-progress", (await _soap12.EchoStatusAsync(SoapCore12.Status.InProgress)).ToString());
    }

    [Fact]
    public async Task A_value_the_enumeration_does_not_list_reaches_the_server_as_sent()
    {
        // XmlSerializer refuses it: the fault names the value, so it went out unchanged.
        var fault = await Assert.ThrowsAnyAsync<SoapFaultException>(() => _soap11.EchoStatusAsync(new SoapCore11.Status("archived")));
        Assert.Contains("archived", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_derived_value_is_sent_with_its_xsi_type_and_the_server_sees_the_derived_type()
    {
        Assert.Equal("Circle c r=1.5", await _soap11.DescribeShapeAsync(new SoapCore11.Circle { Name = "c", Radius = 1.5 }));
        Assert.Equal("Square sq 2x2.5 rotated=True", await _soap11.DescribeShapeAsync(new SoapCore11.Square { Name = "sq", Width = 2, Height = 2.5, Rotated = true }));
        Assert.Equal("Rectangle r 3x4", await _soap12.DescribeShapeAsync(new SoapCore12.Rectangle { Name = "r", Width = 3, Height = 4 }));
    }

    [Fact]
    public async Task Derived_values_in_a_reply_are_read_as_their_xsi_type()
    {
        var drawing = new SoapCore11.Drawing
        {
            Title = "t",
            Origin = new SoapCore11.Point { X = -1, Y = 2 },
            Highlight = new SoapCore11.Square { Name = "h", Width = 1, Height = 1, Rotated = false },
            Shapes = new SoapCore11.Shape[]
            {
                new SoapCore11.Circle { Name = "c", Radius = 0.5 },
                new SoapCore11.Rectangle { Name = "r", Width = 2, Height = 3 },
                new SoapCore11.Square { Name = "s", Width = 4, Height = 4, Rotated = true },
            },
        };

        var back = await _soap11.EchoDrawingAsync(drawing);
        Assert.Equal(drawing.Title, back!.Title);
        Assert.Equal(drawing.Origin, back.Origin);
        Assert.Equal(drawing.Highlight, back.Highlight);
        Assert.IsType<SoapCore11.Square>(back.Highlight);
        Assert.Equal(drawing.Shapes, back.Shapes!);
        Assert.Equal(new[] { typeof(SoapCore11.Circle), typeof(SoapCore11.Rectangle), typeof(SoapCore11.Square) }, back.Shapes!.Select(s => s!.GetType()));
    }

    [Fact]
    public async Task Wrapper_types_are_the_collections_themselves_empty_and_with_a_thousand_items()
    {
        // ArrayOfString and ArrayOfPoint are generated as string[] and Point[]: XmlSerializer on the server decodes the
        // wrapper's items into its own arrays and echoes them, so equal values came through in svcutil's wire form.
        var strings = Enumerable.Range(0, 1000).Select(i => "s" + i).ToArray();
        Assert.Equal(strings, await _soap11.EchoStringsAsync(strings));
        Assert.Equal(strings, await _soap12.EchoStringsAsync(strings));
        var points = Enumerable.Range(0, 1000).Select(i => new SoapCore11.Point { X = i, Y = -i }).ToArray();
        Assert.Equal(points, await _soap11.EchoPointsAsync(points));

        Assert.Equal(Array.Empty<string>(), await _soap11.EchoStringsAsync(Array.Empty<string>()));
    }

    [Fact]
    public async Task A_null_collection_is_sent_as_a_nil_wrapper_which_soapcore_binds_as_an_empty_array()
    {
        var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder);
        var client = new SoapCore11.EchoClient(http, _server.Soap11Endpoint);

        Assert.Equal(Array.Empty<string>(), await client.EchoStringsAsync(null));

        // The client sent null as xsi:nil (the member is nillable); SoapCore hands the operation an empty array, and its
        // reply is an empty wrapper, which reads as the empty array it is: the server's behaviour, not a lost null.
        XNamespace tns = "http://soapgen.test/soapcore";
        XElement values = XDocument.Parse(recorder.Last.RequestBody).Descendants(tns + "values").Single();
        Assert.Equal("true", (string?)values.Attribute(XName.Get("nil", "http://www.w3.org/2001/XMLSchema-instance")));
        XElement result = XDocument.Parse(recorder.Last.ResponseBody).Descendants(tns + "EchoStringsResult").Single();
        Assert.Equal((false, false), (result.HasElements, result.Attributes().Any(a => a.Name.LocalName == "nil")));
    }

    [Fact]
    public async Task A_nested_order_round_trips()
    {
        var order = new SoapCore11.Order
        {
            Id = 7,
            Placed = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Status = SoapCore11.Status.Done,
            ShipTo = new SoapCore11.Address { Street = "1 Main St", City = "Zürich", Country = "CH" },
            Lines = new[] { new SoapCore11.OrderLine { Sku = "A-1", Quantity = 2, UnitPrice = 19.99m } },
            History = new SoapCore11.Status?[] { SoapCore11.Status.New, SoapCore11.Status.InProgress },
            Tags = new[] { "x", "y" },
            Attachment = new byte[] { 1, 2, 3 },
        };

        var back = await _soap11.EchoOrderAsync(order);
        Assert.Equal(order.Id, back!.Id);
        Assert.Equal(order.Placed, back.Placed);
        Assert.Equal(order.Status, back.Status);
        Assert.Equal(order.ShipTo, back.ShipTo);
        Assert.Equal(order.Lines, back.Lines!);
        Assert.Equal(order.History, back.History!);
        Assert.Equal(order.Tags, back.Tags!);
        Assert.Equal(order.Attachment, back.Attachment);
    }

    [Fact]
    public async Task Optional_members_left_out_stay_out_and_set_ones_come_back()
    {
        var empty = await _soap11.EchoOptionalsAsync(new SoapCore11.Optionals());
        Assert.Equal(new SoapCore11.Optionals(), empty);

        var full = new SoapCore11.Optionals { Count = 0, When = new DateTimeOffset(2030, 12, 31, 0, 0, 0, TimeSpan.Zero), Status = SoapCore11.Status.New, Comment = "", Address = new SoapCore11.Address { City = "c" } };
        var back = await _soap11.EchoOptionalsAsync(full);
        Assert.Equal(full.Count, back!.Count);
        Assert.Equal(full.When, back.When);
        Assert.Equal(full.Status, back.Status);
        Assert.Equal(full.Comment, back.Comment);
        Assert.Equal(full.Address, back.Address);
    }

    [Fact]
    public async Task Nillable_members_travel_as_nil_and_come_back_null()
    {
        var back = await _soap11.EchoNillablesAsync(new SoapCore11.Nillables());
        Assert.Equal(new SoapCore11.Nillables(), back);

        var full = new SoapCore11.Nillables { Count = -5, Amount = 0.1m, When = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), Text = "t", Address = new SoapCore11.Address { Street = "s" } };
        var round = await _soap12.EchoNillablesAsync(new SoapCore12.Nillables { Count = full.Count, Amount = full.Amount, When = full.When, Text = full.Text, Address = new SoapCore12.Address { Street = "s" } });
        Assert.Equal(full.Count, round!.Count);
        Assert.Equal(full.Amount, round.Amount);
        Assert.Equal(full.When, round.When);
        Assert.Equal(full.Text, round.Text);
        Assert.Equal("s", round.Address!.Street);
    }

    [Fact]
    public async Task Void_operations_complete()
    {
        await _soap11.PingAsync();
        await _soap12.PingAsync();
    }

    [Fact]
    public async Task Faults_come_back_as_SoapFaultException_with_the_servers_text()
    {
        var fault11 = await Assert.ThrowsAnyAsync<SoapFaultException>(() => _soap11.FailAsync("no"));
        Assert.Equal("Refused: no", fault11.Reason);
        Assert.True(fault11.HasCode("Client"));

        var fault12 = await Assert.ThrowsAnyAsync<SoapFaultException>(() => _soap12.FailAsync("no"));
        Assert.Equal("Refused: no", fault12.Reason);
        Assert.True(fault12.HasCode("Sender"));
    }

    [Fact]
    public async Task A_declared_fault_has_its_detail_typed()
    {
        Assert.Equal(3, await _soap11.DivideAsync(7, 2));
        var fault = await Assert.ThrowsAsync<SoapFaultException<SoapCore11.DivideFault>>(() => _soap11.DivideAsync(7, 0));
        Assert.Equal(new SoapCore11.DivideFault { Dividend = 7, Message = "cannot divide 7 by zero" }, fault.TypedDetail);

        var fault12 = await Assert.ThrowsAsync<SoapFaultException<SoapCore12.DivideFault>>(() => _soap12.DivideAsync(1, 0));
        Assert.Equal(1, fault12.TypedDetail!.Dividend);
    }

    [Fact]
    public async Task A_bare_operation_sends_its_body_element_and_reads_the_reply_element()
    {
        var receipt = await _soap11.SubmitTicketAsync(new SoapCore11.Ticket { Title = "printer", Priority = 3, Status = SoapCore11.Status.New });
        Assert.Equal(new SoapCore11.Receipt { TicketId = "T-3", Summary = "printer", Status = SoapCore11.Status.New }, receipt);
    }
}
