using System;
using System.Globalization;

namespace SoapGen.Runtime;

/// <summary>
/// Writes XSD lexical forms strictly: invariant culture always (a German server locale must not turn 1.5 into "1,5"),
/// shortest round-trip floats, XSD spellings of infinity and NaN.
/// </summary>
internal static class XsdFormat
{
    public static string Boolean(bool value) => value ? "true" : "false";

    public static string Single(float value)
    {
        if (float.IsPositiveInfinity(value))
        {
            return "INF";
        }

        if (float.IsNegativeInfinity(value))
        {
            return "-INF";
        }

        // On .NET Core 3.0+ "R" is the shortest string that parses back to the same float.
        return float.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);
    }

    public static string Double(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "INF";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-INF";
        }

        return double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);
    }

    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    // "o" keeps the offset and full precision; XSD dateTime accepts it.
    public static string DateTime(DateTimeOffset value) => value.ToString("o", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The fraction only when there is one, with no trailing zeros: 10:30:00, 10:30:00.25.
    public static string Time(TimeOnly value) => value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
