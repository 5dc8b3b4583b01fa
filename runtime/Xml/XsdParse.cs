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
        // The form servers write, by hand: the general parser below took a tenth of reading a catalog with one dateTime
        // per product. Anything else (other year widths, more than 7 fraction digits, a second of 60, ...) goes to it.
        if (TryCanonicalDateTime(s, out value))
        {
            return true;
        }

        // A dateTime without a zone is "local to the server", which we cannot know; UTC is the least surprising guess.
        return DateTimeOffset.TryParse(
            s,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out value);
    }

    // yyyy-MM-ddTHH:mm:ss, then .f to .fffffff, then Z, ±hh:mm or nothing (UTC, as above); the year within 2..9998 so
    // no offset of at most 14 hours moves the instant out of DateTimeOffset's range.
    private static bool TryCanonicalDateTime(string s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !TryDigits(s, 0, 4, out int year) || !TryDigits(s, 5, 2, out int month) || !TryDigits(s, 8, 2, out int day)
            || !TryDigits(s, 11, 2, out int hour) || !TryDigits(s, 14, 2, out int minute) || !TryDigits(s, 17, 2, out int second)
            || year < 2 || year > 9998 || month is < 1 or > 12 || day < 1 || day > System.DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        int at = 19;
        long fractionTicks = 0;
        if (at < s.Length && s[at] == '.')
        {
            int digits = 0;
            while (++at < s.Length && (uint)(s[at] - '0') <= 9)
            {
                if (++digits > 7)
                {
                    return false;
                }

                fractionTicks = (fractionTicks * 10) + (s[at] - '0');
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 7; digits++)
            {
                fractionTicks *= 10;
            }
        }

        TimeSpan offset = TimeSpan.Zero;
        if (at < s.Length)
        {
            if (s[at] == 'Z' && at + 1 == s.Length)
            {
                // UTC, the offset already zero.
            }
            else if ((s[at] == '+' || s[at] == '-') && at + 6 == s.Length && s[at + 3] == ':'
                && TryDigits(s, at + 1, 2, out int offsetHours) && TryDigits(s, at + 4, 2, out int offsetMinutes)
                && offsetMinutes <= 59 && (offsetHours * 60) + offsetMinutes <= 14 * 60)
            {
                offset = new TimeSpan(s[at] == '-' ? -offsetHours : offsetHours, s[at] == '-' ? -offsetMinutes : offsetMinutes, 0);
            }
            else
            {
                return false;
            }
        }

        var local = new System.DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        value = new DateTimeOffset(local.AddTicks(fractionTicks), offset);
        return true;
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
