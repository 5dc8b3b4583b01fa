using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using Substitution;

namespace SoapGen.Interop.Tests;

/// <summary>
/// XML Schema substitution groups through the generated client (wsdl/substitution.wsdl): where the abstract head
/// <c>vehicle</c> is referenced, its group's members (<c>car</c>, <c>truck</c>, <c>sportsCar</c> through <c>car</c>,
/// <c>bike</c> of the head's type) appear instead. The client writes each value as the element of its own type and reads
/// each element as its type, in a record, in a repeated choice, as a bare part; a head's block="extension" keeps the
/// member of a derived type out. An echo handler answers with the request's wrapper renamed to the response (or with a
/// reply a test gives), so what comes back is what went out, read by the client.
/// </summary>
public sealed class SubstitutionRoundTripTests : IDisposable
{
    private static readonly XNamespace Tns = "urn:soapgen:substitution";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private readonly WrappedEchoHandler _echo = new(Tns);
    private readonly HttpClient _http;
    private readonly SubstitutionClient _client;

    public SubstitutionRoundTripTests()
    {
        _http = new HttpClient(_echo);
        _client = new SubstitutionClient(_http);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Each_vehicle_goes_as_the_element_of_its_type_in_order_and_comes_back_as_that_type()
    {
        var sent = new Garage
        {
            Vehicle = new Vehicle[]
            {
                new Car { Name = "beetle", Doors = 2 },
                new Truck { Name = "actros", Payload = 18.5m },
                new SportsCar { Name = "911", Doors = 2, TopSpeed = 293 },
                new Vehicle { Name = "cart" },
                new Car { Name = "golf", Doors = 5 },
            },
            Owner = "Ada",
        };

        Garage? back = await _client.EchoGarageAsync(sent);

        // On the wire: the group members' names in the order of the values; none needs xsi:type, its name says the type.
        XElement garage = _echo.LastRequestWrapper!.Element(Tns + "garage")!;
        Assert.Equal(new[] { Tns + "car", Tns + "truck", Tns + "sportsCar", Tns + "vehicle", Tns + "car", Tns + "owner" }, garage.Elements().Select(e => e.Name));
        Assert.All(garage.Elements(), e => Assert.Null(e.Attribute(Xsi + "type")));
        Assert.Equal("293", (string?)garage.Element(Tns + "sportsCar")!.Element(Tns + "topSpeed"));

        Assert.NotNull(back);
        Assert.Equal("Ada", back.Owner);
        Assert.Collection(back.Vehicle!,
            v => Assert.Equal(("beetle", 2), (Assert.IsType<Car>(v).Name, ((Car)v).Doors)),
            v => Assert.Equal(("actros", 18.5m), (Assert.IsType<Truck>(v).Name, ((Truck)v).Payload)),
            v => Assert.Equal(("911", 2, 293), (Assert.IsType<SportsCar>(v).Name, ((SportsCar)v).Doors, ((SportsCar)v).TopSpeed)),
            v => Assert.Equal("cart", Assert.IsType<Vehicle>(v).Name),
            v => Assert.Equal(("golf", 5), (Assert.IsType<Car>(v).Name, ((Car)v).Doors)));
    }

    [Fact]
    public async Task A_parameter_and_a_result_that_reference_the_head_carry_the_members_element()
    {
        Vehicle? back = await _client.EchoVehicleAsync(new SportsCar { Name = "f40", Doors = 2, TopSpeed = 324 });

        XElement sent = Assert.Single(_echo.LastRequestWrapper!.Elements());
        Assert.Equal(Tns + "sportsCar", sent.Name);
        var car = Assert.IsType<SportsCar>(back);
        Assert.Equal(("f40", 2, 324), (car.Name, car.Doors, car.TopSpeed));
    }

    [Fact]
    public async Task A_member_of_the_heads_type_reads_as_it_xsi_type_still_decides_and_an_unknown_name_is_skipped()
    {
        _echo.Reply = new XElement(Tns + "EchoGarageResponse",
            new XElement(Tns + "garage",
                new XElement(Tns + "bike", new XElement(Tns + "name", "brompton")),
                new XElement(Tns + "plane", new XElement(Tns + "name", "a380")),
                new XElement(Tns + "vehicle", new XAttribute(Xsi + "type", "t:Truck"), new XAttribute(XNamespace.Xmlns + "t", Tns.NamespaceName),
                    new XElement(Tns + "name", "unimog"), new XElement(Tns + "payload", "1.25")),
                new XElement(Tns + "car", new XAttribute(Xsi + "type", "t:SportsCar"), new XAttribute(XNamespace.Xmlns + "t", Tns.NamespaceName),
                    new XElement(Tns + "name", "gt"), new XElement(Tns + "doors", "2"), new XElement(Tns + "topSpeed", "300")),
                new XElement(Tns + "owner", "Grace")));

        Garage? back = await _client.EchoGarageAsync(new Garage());

        Assert.NotNull(back);
        Assert.Equal("Grace", back.Owner);
        Assert.Collection(back.Vehicle!,
            v => Assert.Equal("brompton", Assert.IsType<Vehicle>(v).Name),
            v => Assert.Equal(("unimog", 1.25m), (Assert.IsType<Truck>(v).Name, ((Truck)v).Payload)),
            v => Assert.Equal(("gt", 300), (Assert.IsType<SportsCar>(v).Name, ((SportsCar)v).TopSpeed)));
    }

    [Fact]
    public async Task A_bare_part_that_is_the_head_goes_and_comes_as_the_members_element()
    {
        // Park's request and reply Body element is tns:vehicle's group: the value's own member, echoed unchanged.
        _echo.EchoBody = true;

        Vehicle? sportsCar = await _client.ParkAsync(new SportsCar { Name = "f40", Doors = 2, TopSpeed = 324 });
        XElement sent = _echo.LastRequestWrapper!;
        Vehicle? truck = await _client.ParkAsync(new Truck { Name = "actros", Payload = 18.5m });
        Vehicle? plain = await _client.ParkAsync(new Vehicle { Name = "cart" });

        Assert.Equal(Tns + "sportsCar", sent.Name);
        Assert.Null(sent.Attribute(Xsi + "type"));
        Assert.Equal(("f40", 2, 324), (Assert.IsType<SportsCar>(sportsCar).Name, ((SportsCar)sportsCar).Doors, ((SportsCar)sportsCar).TopSpeed));
        Assert.Equal(("actros", 18.5m), (Assert.IsType<Truck>(truck).Name, ((Truck)truck).Payload));
        Assert.Equal(Tns + "vehicle", _echo.LastRequestWrapper!.Name);
        Assert.Equal("cart", Assert.IsType<Vehicle>(plain).Name);

        // A member without a type of its own (bike) reads as the head's type.
        _echo.EchoBody = false;
        _echo.Reply = new XElement(Tns + "bike", new XElement(Tns + "name", "brompton"));
        Assert.Equal("brompton", Assert.IsType<Vehicle>(await _client.ParkAsync(new Vehicle { Name = "x" })).Name);
    }

    [Fact]
    public async Task A_repeated_choice_with_the_head_as_an_alternative_keeps_each_members_element_and_type()
    {
        var items = new FleetItem[]
        {
            new FleetItem.Vehicle(new Car { Name = "beetle", Doors = 2 }),
            new FleetItem.Note("spare keys"),
            new FleetItem.Vehicle(new Truck { Name = "actros", Payload = 18.5m }),
            new FleetItem.Vehicle(new Vehicle { Name = "cart" }),
            new FleetItem.Vehicle(new SportsCar { Name = "911", Doors = 2, TopSpeed = 293 }),
        };

        Fleet? back = await _client.EchoFleetAsync(new Fleet { Items = items });

        XElement fleet = _echo.LastRequestWrapper!.Element(Tns + "fleet")!;
        Assert.Equal(new[] { Tns + "car", Tns + "note", Tns + "truck", Tns + "vehicle", Tns + "sportsCar" }, fleet.Elements().Select(e => e.Name));
        Assert.Equal(items, back!.Items!);
        Assert.IsType<SportsCar>(((FleetItem.Vehicle)back.Items![4]).Value);
    }

    [Fact]
    public async Task A_member_whose_derivation_the_head_blocks_is_not_read_as_a_substitute()
    {
        // engine has block="extension": turbo (a Turbo, extending Engine) may not stand in for it and is skipped as an
        // unknown element; spare (the head's own type) may.
        _echo.Reply = new XElement(Tns + "EchoWorkshopResponse",
            new XElement(Tns + "workshop",
                new XElement(Tns + "engine", new XElement(Tns + "power", "100")),
                new XElement(Tns + "turbo", new XElement(Tns + "power", "200"), new XElement(Tns + "boost", "1.5")),
                new XElement(Tns + "spare", new XElement(Tns + "power", "50"))));

        Workshop? back = await _client.EchoWorkshopAsync(new Workshop { Engine = new[] { new Engine { Power = 1 }, new Turbo { Power = 2, Boost = 0.5m } } });

        Assert.Collection(back!.Engine!,
            e => Assert.Equal(100, Assert.IsType<Engine>(e).Power),
            e => Assert.Equal(50, Assert.IsType<Engine>(e).Power));

        // Written: a Turbo is not sent as turbo (the schema forbids it there) but as engine with its xsi:type.
        XElement workshop = _echo.LastRequestWrapper!.Element(Tns + "workshop")!;
        Assert.Equal(new[] { Tns + "engine", Tns + "engine" }, workshop.Elements().Select(e => e.Name));
        Assert.EndsWith(":Turbo", (string?)workshop.Elements().Last().Attribute(Xsi + "type"), StringComparison.Ordinal);
    }
}
