using System;
using System.Runtime.Serialization;
using System.ServiceModel;
using System.Xml.Serialization;

namespace SoapGen.SoapCoreServer;

// XmlSerializer contracts: public mutable members, parameterless constructors. Every type names its XML type and
// namespace explicitly so the WSDL does not change when a C# name does.

[XmlType("Scalars", Namespace = Ns.Service)]
public sealed class Scalars
{
    public int Int32 { get; set; }
    public long Int64 { get; set; }
    public short Int16 { get; set; }
    public byte UInt8 { get; set; }
    public bool Flag { get; set; }
    public float Single { get; set; }
    public double Double { get; set; }
    public decimal Money { get; set; }
}

/// <summary>An enum whose wire names differ from the C# names (lowercase, one with a hyphen).</summary>
[XmlType("Status", Namespace = Ns.Service)]
public enum Status
{
    [XmlEnum("new")]
    New,

    [XmlEnum("in-progress")]
    InProgress,

    [XmlEnum("done")]
    Done,
}

/// <summary>The hierarchy's abstract root; XmlInclude makes the derived types known to the serializer and the WSDL.</summary>
[XmlType("Shape", Namespace = Ns.Service)]
[XmlInclude(typeof(Circle))]
[XmlInclude(typeof(Rectangle))]
[XmlInclude(typeof(Square))]
public abstract class Shape
{
    public string? Name { get; set; }
}

[XmlType("Circle", Namespace = Ns.Service)]
public sealed class Circle : Shape
{
    public double Radius { get; set; }
}

[XmlType("Rectangle", Namespace = Ns.Service)]
[XmlInclude(typeof(Square))]
public class Rectangle : Shape
{
    public double Width { get; set; }
    public double Height { get; set; }
}

/// <summary>Two levels below Shape.</summary>
[XmlType("Square", Namespace = Ns.Service)]
public sealed class Square : Rectangle
{
    public bool Rotated { get; set; }
}

[XmlType("Point", Namespace = Ns.Service)]
public sealed class Point
{
    public int X { get; set; }
    public int Y { get; set; }
}

[XmlType("Drawing", Namespace = Ns.Service)]
public sealed class Drawing
{
    public string? Title { get; set; }
    public Point? Origin { get; set; }

    /// <summary>Typed as the base: a derived value carries xsi:type.</summary>
    public Shape? Highlight { get; set; }

    public Shape[]? Shapes { get; set; }
}

[XmlType("Address", Namespace = Ns.Service)]
public sealed class Address
{
    public string? Street { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
}

[XmlType("OrderLine", Namespace = Ns.Service)]
public sealed class OrderLine
{
    public string? Sku { get; set; }
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
}

[XmlType("Order", Namespace = Ns.Service)]
public sealed class Order
{
    public int Id { get; set; }
    public DateTime Placed { get; set; }
    public Status Status { get; set; }
    public Address? ShipTo { get; set; }
    public OrderLine[]? Lines { get; set; }
    public Status[]? History { get; set; }
    public string[]? Tags { get; set; }
    public byte[]? Attachment { get; set; }
}

/// <summary>
/// Optional members: value types via the <c>*Specified</c> pattern (minOccurs="0", no nil), reference types as
/// XmlSerializer treats them by default (left out when null).
/// </summary>
[XmlType("Optionals", Namespace = Ns.Service)]
public sealed class Optionals
{
    public int Count { get; set; }

    [XmlIgnore]
    public bool CountSpecified { get; set; }

    public DateTime When { get; set; }

    [XmlIgnore]
    public bool WhenSpecified { get; set; }

    public Status Status { get; set; }

    [XmlIgnore]
    public bool StatusSpecified { get; set; }

    public string? Comment { get; set; }

    public Address? Address { get; set; }
}

/// <summary>Nillable members: a null value travels as <c>xsi:nil="true"</c>.</summary>
[XmlType("Nillables", Namespace = Ns.Service)]
public sealed class Nillables
{
    // Nullable<T> is nillable by default with XmlSerializer.
    public int? Count { get; set; }

    public decimal? Amount { get; set; }

    public DateTime? When { get; set; }

    [XmlElement(IsNullable = true)]
    public string? Text { get; set; }

    [XmlElement(IsNullable = true)]
    public Address? Address { get; set; }
}

/// <summary>The typed detail of <see cref="IEchoService.Divide"/>'s fault.</summary>
/// <remarks>
/// SoapCore writes fault details with DataContractSerializer even in XmlSerializer mode (the WSDL is still written from
/// the XmlSerializer view), so the data contract repeats the XML name and namespace to make the two agree.
/// </remarks>
[XmlType("DivideFault", Namespace = Ns.Service)]
[DataContract(Name = "DivideFault", Namespace = Ns.Service)]
public sealed class DivideFault
{
    [DataMember(Order = 0)]
    public int Dividend { get; set; }

    [DataMember(Order = 1)]
    public string? Message { get; set; }
}

[XmlType("Ticket", Namespace = Ns.Service)]
public sealed class Ticket
{
    public string? Title { get; set; }
    public int Priority { get; set; }
    public Status Status { get; set; }
}

[XmlType("Receipt", Namespace = Ns.Service)]
public sealed class Receipt
{
    public string? TicketId { get; set; }
    public string? Summary { get; set; }
    public Status Status { get; set; }
}

/// <summary>The bare request: its one body member is the SOAP body's element.</summary>
[MessageContract(IsWrapped = false)]
public sealed class SubmitTicketRequest
{
    [MessageBodyMember(Namespace = Ns.Service)]
    public Ticket? Ticket { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class SubmitTicketResponse
{
    [MessageBodyMember(Namespace = Ns.Service)]
    public Receipt? Receipt { get; set; }
}
