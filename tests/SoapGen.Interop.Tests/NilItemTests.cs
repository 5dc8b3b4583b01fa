using System;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using System.Xml.Linq;
using NilItems;

namespace SoapGen.Interop.Tests;

/// <summary>
/// Nil array items through the generated client (wsdl/nilitems.wsdl): where the item element is nillable the items are
/// <c>string?[]</c>, a null item goes as <c>xsi:nil="true"</c> and comes back as null; where it is not, the items are
/// <c>string[]</c>. An echo handler answers with the request's own wrapper, so what is read back is what was written.
/// </summary>
public sealed class NilItemTests : IDisposable
{
    private static readonly XNamespace Tns = "urn:soapgen:nilitems";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private readonly WrappedEchoHandler _echo = new(Tns);
    private readonly HttpClient _http;
    private readonly NilItemsClient _client;

    public NilItemTests()
    {
        _http = new HttpClient(_echo);
        _client = new NilItemsClient(_http);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task A_null_item_of_a_nillable_item_element_goes_as_nil_and_comes_back_as_null()
    {
        var names = new[] { "a", null, "c" };
        var page = new Page { Line = new[] { null, "second" }, Tag = new[] { "t" } };

        EchoResult back = await _client.EchoAsync(names, tags: new[] { "x", "y" }, page);

        XElement wrapper = _echo.LastRequestWrapper!;
        Assert.Equal(new[] { "a", "nil", "c" }, wrapper.Element(Tns + "names")!.Elements(Tns + "string").Select(Shown));
        Assert.Equal(new[] { "nil", "second" }, wrapper.Element(Tns + "page")!.Elements(Tns + "line").Select(Shown));
        Assert.Equal(names, back.Names);
        Assert.Equal(new[] { "x", "y" }, back.Tags);
        Assert.Equal(page.Line, back.Page!.Line);
        Assert.Equal(page.Tag, back.Page.Tag);
    }

    [Fact]
    public async Task A_null_item_of_a_plain_item_element_is_left_out_as_a_null_member_is()
    {
        // The type says no null goes there; one passed anyway has no valid form in the schema (it is not nillable).
        EchoResult back = await _client.EchoAsync(tags: new[] { "x", null!, "y" }, page: new Page { Tag = new[] { null!, "t" } });

        XElement wrapper = _echo.LastRequestWrapper!;
        Assert.Equal(new[] { "x", "y" }, wrapper.Element(Tns + "tags")!.Elements().Select(Shown));
        Assert.Equal(new[] { "t" }, wrapper.Element(Tns + "page")!.Elements(Tns + "tag").Select(Shown));
        Assert.DoesNotContain(wrapper.Descendants(), e => e.Attribute(Xsi + "nil") is not null);
        Assert.Equal(new[] { "x", "y" }, back.Tags);
    }

    [Fact]
    public void The_item_types_say_where_a_null_item_can_arrive()
    {
        var context = new NullabilityInfoContext();
        NullabilityState Items(PropertyInfo property) => context.Create(property).ElementType!.ReadState;
        NullabilityState ParameterItems(string name) =>
            context.Create(typeof(INilItemsClient).GetMethod(nameof(INilItemsClient.EchoAsync))!.GetParameters().Single(p => p.Name == name)).ElementType!.ReadState;

        Assert.Equal(NullabilityState.Nullable, Items(typeof(EchoResult).GetProperty(nameof(EchoResult.Names))!));
        Assert.Equal(NullabilityState.NotNull, Items(typeof(EchoResult).GetProperty(nameof(EchoResult.Tags))!));
        Assert.Equal(NullabilityState.Nullable, Items(typeof(Page).GetProperty(nameof(Page.Line))!));
        Assert.Equal(NullabilityState.NotNull, Items(typeof(Page).GetProperty(nameof(Page.Tag))!));
        Assert.Equal(NullabilityState.Nullable, ParameterItems("names"));
        Assert.Equal(NullabilityState.NotNull, ParameterItems("tags"));
    }

    private static string Shown(XElement item) => (string?)item.Attribute(Xsi + "nil") == "true" ? "nil" : item.Value;
}
