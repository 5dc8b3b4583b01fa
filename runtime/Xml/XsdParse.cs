using System;
using System.Globalization;

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

    public static bool Date(string s, out DateTime value)
    {
        // xsd:date may carry a zone ("2024-05-01Z", "2024-05-01+02:00"); the calendar day is what matters.
        if (s.Length > 10 && (s[10] == 'Z' || s[10] == '+' || s[10] == '-'))
        {
            s = s.Substring(0, 10);
        }

        return System.DateTime.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            || System.DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value);
    }
}
