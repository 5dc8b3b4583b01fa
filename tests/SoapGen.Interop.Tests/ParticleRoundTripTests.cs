using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using Particles;

namespace SoapGen.Interop.Tests;

/// <summary>
/// XML Schema particles through the generated client (wsdl/particles.wsdl): a group reference, an attribute group, a
/// global attribute reference, xsd:any and xsd:anyAttribute, an enumeration, an extension, choices (single and repeated),
/// a repeated sequence, default and fixed values (of members, parameters, results, bare parts). An echo handler answers
/// each request with its own wrapper's content renamed to the response, so what comes back is exactly what the client
/// wrote, read by the client: nothing the schema allows may be lost on the way out or back.
/// </summary>
public sealed class ParticleRoundTripTests : IDisposable
{
    private const string Ns = "urn:soapgen:particles";
    private static readonly XNamespace Tns = Ns;
    private readonly WrappedEchoHandler _echo = new(Tns, resultName: "EchoResult");
    private readonly HttpClient _http;
    private readonly ParticlesClient _client;

    public ParticleRoundTripTests()
    {
        _http = new HttpClient(_echo);
        _client = new ParticlesClient(_http);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Every_member_of_a_derived_item_comes_back_and_unknown_content_is_kept()
    {
        var extra = new XElement(XName.Get("note", "urn:other"), new XAttribute("lang", "de"), "größer als <5>");
        var sent = new SpecialItem
        {
            First = "Ada",
            Last = "Lovelace",
            Color = Color.DarkBlue,
            Tag = new[] { "a", "b" },
            Born = new DateOnly(1815, 12, 10),
            Any = new[] { extra },
            CreatedBy = "me",
            Revision = 3,
            Priority = -1,
            AnyAttribute = new[] { new XAttribute(XName.Get("trace", "urn:other"), "t-1") },
            Discount = 0.125m,
        };

        Item? back = await _client.EchoAsync(sent);

        // On the wire: the group's members in place, the attribute group's and the referenced attribute (qualified: a
        // global attribute), the wildcard content as it was, the derived type named by xsi:type.
        XElement item = _echo.LastRequestWrapper!.Element(Tns + "item")!;
        Assert.Equal(new[] { Tns + "first", Tns + "last", Tns + "color", Tns + "tag", Tns + "tag", Tns + "born", XName.Get("note", "urn:other"), Tns + "discount" }, item.Elements().Select(e => e.Name));
        Assert.Equal("me", (string?)item.Attribute("createdBy"));
        Assert.Equal("-1", (string?)item.Attribute(Tns + "priority"));
        Assert.Equal("t-1", (string?)item.Attribute(XName.Get("trace", "urn:other")));
        Assert.Equal("dark-blue", (string?)item.Element(Tns + "color"));
        Assert.Equal("1815-12-10", (string?)item.Element(Tns + "born"));

        var special = Assert.IsType<SpecialItem>(back);
        Assert.Equal((sent.First, sent.Last, sent.Color, sent.Born, sent.CreatedBy, sent.Revision, sent.Priority, sent.Discount),
            (special.First, special.Last, special.Color, special.Born, special.CreatedBy, special.Revision, special.Priority, special.Discount));
        Assert.Equal(sent.Tag, special.Tag);
        // The kept element also carries the namespace declarations in scope where it was read (its prefixed content may need them).
        XElement kept = Assert.Single(special.Any!);
        Assert.Equal(extra.Name, kept.Name);
        Assert.Equal(extra.Value, kept.Value);
        Assert.Equal("de", (string?)kept.Attribute("lang"));
        var trace = Assert.Single(special.AnyAttribute!);
        Assert.Equal((XName.Get("trace", "urn:other"), "t-1"), (trace.Name, trace.Value));
    }

    [Fact]
    public async Task An_enumeration_value_the_schema_does_not_list_is_kept_as_sent()
    {
        Item? back = await _client.EchoAsync(new Item { First = "x", Color = new Color("ultraviolet") });

        Assert.Equal("ultraviolet", back!.Color.ToString());
        Assert.False(back.Color!.Value.IsDefined);
        Assert.True(Color.Red.IsDefined);
    }

    [Fact]
    public async Task Optional_members_left_unset_are_absent_on_the_wire_and_null_when_read()
    {
        Item? back = await _client.EchoAsync(new Item { First = "only" });

        XElement item = _echo.LastRequestWrapper!.Element(Tns + "item")!;
        Assert.Equal(new[] { Tns + "first" }, item.Elements().Select(e => e.Name));
        Assert.DoesNotContain(item.Attributes(), a => !a.IsNamespaceDeclaration);
        Assert.IsType<Item>(back);
        Assert.Equal(new Item { First = "only" }, back);
    }

    [Fact]
    public async Task A_choice_sends_the_one_alternative_set_and_reads_it_back()
    {
        var sent = new Pick { Label = "bolt", Code = 42, Lb = 0.5m };

        Pick? back = await _client.EchoPickAsync(sent);

        XElement pick = _echo.LastRequestWrapper!.Element(Tns + "pick")!;
        Assert.Equal(new[] { Tns + "label", Tns + "code", Tns + "lb" }, pick.Elements().Select(e => e.Name));
        Assert.Equal(sent with { Count = 1, Unit = Color.DarkBlue, Version = 2 }, back);
        Assert.Equal("A-1", (await _client.EchoPickAsync(new Pick { Sku = "A-1" }))!.Sku);
    }

    [Fact]
    public async Task A_repeated_choice_keeps_which_elements_came_and_their_order()
    {
        var items = new PickItem[] { new PickItem.Note("first"), new PickItem.Weight(3), new PickItem.Weight(null), new PickItem.Note("") };

        Pick? back = await _client.EchoPickAsync(new Pick { Code = 1, Items = items });

        XElement pick = _echo.LastRequestWrapper!.Element(Tns + "pick")!;
        Assert.Equal(new[] { "code", "note", "weight", "weight", "note" }, pick.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("true", (string?)pick.Elements(Tns + "weight").Last().Attribute(XName.Get("nil", "http://www.w3.org/2001/XMLSchema-instance")));
        Assert.Equal(items, back!.Items!);
        Assert.Null((await _client.EchoPickAsync(new Pick { Code = 1 }))!.Items);
    }

    [Fact]
    public async Task Absent_members_with_a_default_read_as_it_and_a_fixed_one_is_always_written()
    {
        Pick? back = await _client.EchoPickAsync(new Pick { Code = 1 });

        // On the wire: the fixed attribute, though the value left it null; no count element and no unit attribute.
        XElement pick = _echo.LastRequestWrapper!.Element(Tns + "pick")!;
        Assert.Equal(("2", null), ((string?)pick.Attribute("version"), (string?)pick.Attribute("unit")));
        Assert.Equal(new[] { Tns + "code" }, pick.Elements().Select(e => e.Name));
        Assert.Equal((1, Color.DarkBlue, 2), (back!.Count, back.Unit, back.Version));

        // Values that were sent come back as sent, not as the defaults.
        Pick? set = await _client.EchoPickAsync(new Pick { Code = 1, Count = 0, Unit = Color.Red });
        Assert.Equal((0, Color.Red), (set!.Count, set.Unit));
    }

    [Fact]
    public async Task A_repeated_sequence_keeps_each_repetition_in_order_on_the_wire_and_back()
    {
        // (at, (info|error))*: each element one item, so every at goes out with its own info or error after it.
        var items = new LogItem[] { new LogItem.At(1), new LogItem.Info("started"), new LogItem.At(2), new LogItem.Error("failed"), new LogItem.At(3), new LogItem.Info("") };

        Log? back = await _client.EchoLogAsync(new Log { Items = items });

        XElement log = _echo.LastRequestWrapper!.Element(Tns + "log")!;
        Assert.Equal(new[] { "at:1", "info:started", "at:2", "error:failed", "at:3", "info:" }, log.Elements().Select(e => e.Name.LocalName + ":" + e.Value));
        Assert.All(log.Elements(), e => Assert.Equal(Tns, e.Name.Namespace));
        Assert.Equal(items, back!.Items!);
    }

    [Fact]
    public async Task A_repeated_sequence_reads_every_member_of_every_repetition()
    {
        // Read as sent, an unknown element skipped: the items are the elements in wire order.
        _echo.Reply = XElement.Parse("""
            <p:EchoLogResponse xmlns:p="urn:soapgen:particles"><p:EchoResult>
              <p:at>1</p:at><p:info>started</p:info><p:at>2</p:at><p:other>x</p:other><p:error>failed</p:error><p:at>3</p:at><p:info>retried</p:info>
            </p:EchoResult></p:EchoLogResponse>
            """);

        Log? back = await _client.EchoLogAsync(new Log());

        Assert.Equal(new LogItem[] { new LogItem.At(1), new LogItem.Info("started"), new LogItem.At(2), new LogItem.Error("failed"), new LogItem.At(3), new LogItem.Info("retried") }, back!.Items);
    }

    [Fact]
    public async Task A_choice_with_a_sequence_alternative_sends_either_alternative_and_reads_each_back()
    {
        var street = new Address { Label = "home", Street = "Main St 1", City = "Basel" };
        var box = new Address { PoBox = 12 };
        var streetOnly = new Address { Street = "Hauptweg" };

        Address? backStreet = await _client.EchoAddressAsync(street);
        XElement sentStreet = _echo.LastRequestWrapper!.Element(Tns + "address")!;
        Address? backBox = await _client.EchoAddressAsync(box);
        XElement sentBox = _echo.LastRequestWrapper!.Element(Tns + "address")!;
        Address? backStreetOnly = await _client.EchoAddressAsync(streetOnly);

        Assert.Equal(new[] { "label:home", "street:Main St 1", "city:Basel" }, sentStreet.Elements().Select(e => e.Name.LocalName + ":" + e.Value));
        Assert.Equal(new[] { "poBox:12" }, sentBox.Elements().Select(e => e.Name.LocalName + ":" + e.Value));
        Assert.Equal((street, box, streetOnly), (backStreet, backBox, backStreetOnly));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("Main St 1", null, 12)]
    [InlineData(null, "Basel", 12)]
    public async Task A_choice_with_a_sequence_alternative_refuses_none_or_both_before_anything_is_sent(string? street, string? city, int? poBox)
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _client.EchoAddressAsync(new Address { Street = street, City = city, PoBox = poBox }));

        Assert.StartsWith("Exactly one of Street/City, PoBox must be set in a Address", refused.Message, StringComparison.Ordinal);
        Assert.Null(_echo.LastRequestWrapper);
    }

    [Fact]
    public async Task A_wrapper_that_is_a_choice_takes_exactly_one_of_its_parameters()
    {
        // None or both: refused before anything is sent.
        var none = await Assert.ThrowsAsync<ArgumentException>(() => _client.FindAsync());
        var both = await Assert.ThrowsAsync<ArgumentException>(() => _client.FindAsync(id: 7, name: "ada"));
        Assert.StartsWith("Exactly one of id, name must be passed to FindAsync", none.Message, StringComparison.Ordinal);
        Assert.Equal(none.Message, both.Message);
        Assert.Null(_echo.LastRequestWrapper);

        // Either one: only it on the wire, echoed back.
        Assert.Equal("42", await _client.FindAsync(id: 42));
        Assert.Equal(new[] { (Tns + "id", "42") }, _echo.LastRequestWrapper!.Elements().Select(e => (e.Name, e.Value)));
        Assert.Equal("ada", await _client.FindAsync(name: "ada"));
        Assert.Equal(new[] { (Tns + "name", "ada") }, _echo.LastRequestWrapper!.Elements().Select(e => (e.Name, e.Value)));
    }

    [Fact]
    public async Task Defaults_and_fixed_values_apply_to_parameters_single_part_results_and_bare_parts()
    {
        // Nothing passed: the optional step is left out, the required fixed version goes with its fixed value; the
        // absent result reads as the default of the global element it references.
        _echo.Reply = XElement.Parse("<p:TallyResponse xmlns:p=\"urn:soapgen:particles\"/>");
        Assert.Equal(5, await _client.TallyAsync());
        Assert.Equal(new[] { (Tns + "version", "2.0") }, _echo.LastRequestWrapper!.Elements().Select(e => (e.Name, e.Value)));

        // What is sent and what comes back is not replaced by a default; nil is still null.
        _echo.Reply = XElement.Parse("<p:TallyResponse xmlns:p=\"urn:soapgen:particles\"><p:total>9</p:total></p:TallyResponse>");
        Assert.Equal(9, await _client.TallyAsync(step: 4));
        Assert.Equal(new[] { "4", "2.0" }, _echo.LastRequestWrapper!.Elements().Select(e => e.Value));
        _echo.Reply = XElement.Parse("<p:TallyResponse xmlns:p=\"urn:soapgen:particles\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><p:total i:nil=\"true\"/></p:TallyResponse>");
        Assert.Null(await _client.TallyAsync());

        // Bare: the parameter is the Body's element, fixed, so it may be left out; an empty Body is the result element's default.
        _echo.EmptyBody = true;
        Assert.Equal(2.5m, await _client.RemainingAsync());
        Assert.Equal((Tns + "limit", "green"), (_echo.LastRequestWrapper!.Name, _echo.LastRequestWrapper.Value));
        _echo.EmptyBody = false;
        _echo.Reply = XElement.Parse("<p:remaining xmlns:p=\"urn:soapgen:particles\">0.75</p:remaining>");
        Assert.Equal(0.75m, await _client.RemainingAsync(Color.Green));
    }

    [Theory]
    [InlineData(null, null, null, null, "Exactly one of Sku, Code")]
    [InlineData("A-1", 42, null, null, "Exactly one of Sku, Code")]
    [InlineData("A-1", null, "1", "2", "At most one of Kg, Lb")]
    public async Task A_value_a_choice_cannot_carry_is_refused_before_anything_is_sent(string? sku, int? code, string? kg, string? lb, string message)
    {
        var pick = new Pick { Sku = sku, Code = code, Kg = kg is null ? null : decimal.Parse(kg, System.Globalization.CultureInfo.InvariantCulture), Lb = lb is null ? null : decimal.Parse(lb, System.Globalization.CultureInfo.InvariantCulture) };

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _client.EchoPickAsync(pick));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
        Assert.Null(_echo.LastRequestWrapper);
    }
}
