using System;
using System.ServiceModel;
using System.Xml.Serialization;

namespace SoapGen.SoapCoreServer;

/// <summary>The XML namespace of the service: operations, wrappers and data types alike.</summary>
public static class Ns
{
    // One namespace on purpose: SoapCore's WSDL writer puts every type in the contract's namespace and ignores
    // XmlType.Namespace, so a second namespace would make the WSDL disagree with what XmlSerializer sends.
    public const string Service = "http://soapgen.test/soapcore";
}

/// <summary>
/// The echo service behind both endpoints (SOAP 1.1 and 1.2). Every operation answers with what it got (or a value
/// derived from it), so a client can round-trip each shape and compare. Document/literal wrapped, except
/// <see cref="SubmitTicket"/> which is bare.
/// </summary>
[ServiceContract(Namespace = Ns.Service, Name = "EchoService")]
[XmlSerializerFormat]
public interface IEchoService
{
    /// <summary>Strings, the empty one and a missing (null) one included.</summary>
    [OperationContract]
    string? EchoString(string? value);

    /// <summary>A multi-parameter operation over the XSD numeric and boolean types; the reply carries them back as one struct.</summary>
    [OperationContract]
    Scalars EchoScalars(int int32, long int64, short int16, byte uint8, bool flag, float single, double dbl, decimal money);

    /// <summary>A value with an offset comes back as the same instant in UTC (<c>Z</c>); UTC and unzoned values come back as sent.</summary>
    [OperationContract]
    DateTime EchoDateTime(DateTime value);

    /// <summary>XmlSerializer writes the offset as sent; SoapCore's WSDL types it xsd:string (its wire form is xsd:dateTime).</summary>
    [OperationContract]
    DateTimeOffset EchoDateTimeOffset(DateTimeOffset value);

    /// <summary>xsd:duration (<c>P1DT2H3M4.5S</c>).</summary>
    [OperationContract]
    TimeSpan EchoDuration(TimeSpan value);

    [OperationContract]
    byte[]? EchoBytes(byte[]? data);

    [OperationContract]
    Status EchoStatus(Status status);

    /// <summary>
    /// A parameter typed as the abstract base that gets derived instances (xsi:type); the reply names what arrived,
    /// e.g. <c>Square sq 2x2 rotated=True</c>. (No operation returns a bare Shape: SoapCore serializes a return value by
    /// its runtime type, so the reply element would lack xsi:type. Base-typed replies go through Drawing's members.)
    /// </summary>
    // SoapCore's WSDL writer takes derived types only from XmlInclude on an operation, not from the base class.
    [OperationContract]
    [XmlInclude(typeof(Circle))]
    [XmlInclude(typeof(Rectangle))]
    [XmlInclude(typeof(Square))]
    string DescribeShape(Shape? shape);

    /// <summary>A nested struct with a base-typed member and an array of base-typed items, each carrying xsi:type.</summary>
    [OperationContract]
    [XmlInclude(typeof(Circle))]
    [XmlInclude(typeof(Rectangle))]
    [XmlInclude(typeof(Square))]
    Drawing? EchoDrawing(Drawing? drawing);

    [OperationContract]
    string[]? EchoStrings(string[]? values);

    [OperationContract]
    Point[]? EchoPoints(Point[]? points);

    /// <summary>A nested struct with arrays of structs, an enum array and optional and nillable members.</summary>
    [OperationContract]
    Order? EchoOrder(Order? order);

    [OperationContract]
    Optionals? EchoOptionals(Optionals? value);

    [OperationContract]
    Nillables? EchoNillables(Nillables? value);

    /// <summary>No parameter, no result: an empty request and an empty response wrapper.</summary>
    [OperationContract]
    void Ping();

    /// <summary>Always a SOAP fault without detail: code <c>Client</c> (SOAP 1.1) / <c>Sender</c> (SOAP 1.2), reason <c>Refused: {reason}</c>.</summary>
    [OperationContract]
    void Fail(string? reason);

    /// <summary>
    /// a / b (integer division). b = 0 is a declared fault: code Client / Sender, reason <c>Division by zero</c>,
    /// detail <c>tns:DivideFault</c> { Dividend = a, Message = <c>cannot divide {a} by zero</c> }.
    /// </summary>
    [OperationContract]
    [FaultContract(typeof(DivideFault))]
    int Divide(int a, int b);

    /// <summary>
    /// Document/literal BARE: the request body element is <c>tns:Ticket</c> and the reply's <c>tns:Receipt</c> (no
    /// operation wrapper). Receipt: TicketId <c>T-{Priority}</c>, Summary = Title, Status echoed.
    /// </summary>
    [OperationContract]
    SubmitTicketResponse SubmitTicket(SubmitTicketRequest request);
}
