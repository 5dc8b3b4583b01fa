using System;
using System.Globalization;
using System.Numerics;

namespace SoapGen.Runtime;

/// <summary>
/// Parses XSD lexical forms leniently: surrounding whitespace trimmed, "1"/"0" and any casing of true/false,
/// XSD and .NET spellings of infinity. Each method returns false instead of throwing so the reader can name the element.
/// </summary>
internal static class XsdParse
{
    public static bool Boolean(string s, out bool value)
    {
        switch (s.ToLowerInvariant())
        {
            case "true":
            case "1":
                value = true;
                return true;
            case "false":
            case "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static bool Double(string s, out double value)
    {
        switch (s)
        {
            case "INF":
            case "+INF":
                value = double.PositiveInfinity;
                return true;
            case "-INF":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
            default:
                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    public static bool Single(string s, out float value)
    {
        switch (s)
        {
            case "INF":
            case "+INF":
                value = float.PositiveInfinity;
                return true;
            case "-INF":
                value = float.NegativeInfinity;
                return true;
            case "NaN":
                value = float.NaN;
                return true;
            default:
                return float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    public static bool DateTime(string s, out DateTimeOffset value)
    {
        // A dateTime without a zone is "local to the server", which we cannot know; UTC is the least surprising guess.
        return DateTimeOffset.TryParse(
            s,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out value);
    }

    public static bool Date(string s, out DateOnly value)
    {
        // The plain form by hand: DateOnly.TryParseExact took a third of the time of reading a struct with one date.
        if (s.Length == 10 && s[4] == '-' && s[7] == '-'
            && TryDigits(s, 0, 4, out int year) && TryDigits(s, 5, 2, out int month) && TryDigits(s, 8, 2, out int day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= System.DateTime.DaysInMonth(year, month))
        {
            value = new DateOnly(year, month, day);
            return true;
        }

        return DateOnly.TryParseExact(WithoutZone(s, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private static bool TryDigits(string s, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            int digit = s[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    public static bool Time(string s, out TimeOnly value) =>
        TimeOnly.TryParseExact(WithoutZone(s, 8), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public static bool Integer(string s, out BigInteger value) =>
        BigInteger.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static readonly string[] TimeFormats = { "HH:mm:ss", "HH:mm:ss.FFFFFFF", "HH:mm" };

    // xsd:date and xsd:time may carry a zone ("2024-05-01Z", "10:30:00+02:00"); the day or the time of day is the value.
    private static string WithoutZone(string s, int minimumLength)
    {
        if (s.EndsWith('Z'))
        {
            return s.Substring(0, s.Length - 1);
        }

        int sign = s.Length > minimumLength ? s.IndexOfAny(['+', '-'], minimumLength) : -1;
        return sign < 0 ? s : s.Substring(0, sign);
    }
}
