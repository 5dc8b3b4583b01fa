using System;
using System.Globalization;
using System.ServiceModel;

namespace SoapGen.SoapCoreServer;

/// <summary>Echoes; the few operations that compute something document their rule on <see cref="IEchoService"/>.</summary>
public sealed class EchoService : IEchoService
{
    public string? EchoString(string? value) => value;

    public Scalars EchoScalars(int int32, long int64, short int16, byte uint8, bool flag, float single, double dbl, decimal money) => new()
    {
        Int32 = int32,
        Int64 = int64,
        Int16 = int16,
        UInt8 = uint8,
        Flag = flag,
        Single = single,
        Double = dbl,
        Money = money,
    };

    public DateTime EchoDateTime(DateTime value) => Utc(value);

    public DateTimeOffset EchoDateTimeOffset(DateTimeOffset value) => value;

    public TimeSpan EchoDuration(TimeSpan value) => value;

    public byte[]? EchoBytes(byte[]? data) => data;

    public Status EchoStatus(Status status) => status;

    public string DescribeShape(Shape? shape) => shape switch
    {
        null => "null",
        Circle c => Invariant($"Circle {c.Name} r={c.Radius}"),
        Square s => Invariant($"Square {s.Name} {s.Width}x{s.Height} rotated={s.Rotated}"),
        Rectangle r => Invariant($"Rectangle {r.Name} {r.Width}x{r.Height}"),
        _ => "Shape " + shape.Name,
    };

    public Drawing? EchoDrawing(Drawing? drawing) => drawing;

    public string[]? EchoStrings(string[]? values) => values;

    public Point[]? EchoPoints(Point[]? points) => points;

    public Order? EchoOrder(Order? order)
    {
        if (order is not null)
        {
            order.Placed = Utc(order.Placed);
        }

        return order;
    }

    public Optionals? EchoOptionals(Optionals? value)
    {
        if (value is not null)
        {
            value.When = Utc(value.When);
        }

        return value;
    }

    public Nillables? EchoNillables(Nillables? value)
    {
        if (value?.When is DateTime when)
        {
            value.When = Utc(when);
        }

        return value;
    }

    public void Ping()
    {
    }

    public void Fail(string? reason) =>
        throw new FaultException(new FaultReason("Refused: " + reason), new FaultCode("Client"), string.Empty);

    public int Divide(int a, int b)
    {
        if (b == 0)
        {
            var detail = new DivideFault { Dividend = a, Message = Invariant($"cannot divide {a} by zero") };
            throw new FaultException<DivideFault>(detail, new FaultReason("Division by zero"), new FaultCode("Client"), string.Empty);
        }

        return a / b;
    }

    public SubmitTicketResponse SubmitTicket(SubmitTicketRequest request) => new()
    {
        Receipt = request.Ticket is not { } ticket
            ? null
            : new Receipt { TicketId = Invariant($"T-{ticket.Priority}"), Summary = ticket.Title, Status = ticket.Status },
    };

    // XmlSerializer reads a value with an offset as local time and writes local time with the machine's offset;
    // UTC makes the reply independent of the server's time zone.
    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
