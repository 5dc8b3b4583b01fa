using System;
using System.Globalization;
using System.Linq;

namespace SoapGen.Benchmarks.Serialization;

/// <summary>Values written one way whatever their .NET type, so the contenders' results can be compared line by line.</summary>
internal static class Values
{
    public static string Line(params object?[] values) => string.Join("|", values.Select(Format));

    private static string Format(object? value) => value switch
    {
        null => "(null)",
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        // svcutil's xsd:dateTime: a DateTime read in RoundtripKind (UTC for "Z").
        DateTime t when t.Kind == DateTimeKind.Utc => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateTime t => "(DateTime of kind " + t.Kind + ": " + t.ToString("o", CultureInfo.InvariantCulture) + ")",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string[] a => "[" + string.Join(",", a) + "]",
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
