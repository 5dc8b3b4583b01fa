using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SoapGen.Runtime.Tests;

/// <summary>
/// xsd:dateTime is read by a hand-written parser for the form servers write and by DateTimeOffset.TryParse for the
/// rest: on every string both must agree (same success, same instant, same offset), or the fast path changed a value.
/// </summary>
public class DateTimeParseTests
{
    private static bool General(string s, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);

    private static void AssertSameAsGeneral(string s)
    {
        bool expected = General(s, out DateTimeOffset want);
        bool actual = XsdParse.DateTime(s, out DateTimeOffset got);
        Assert.True(expected == actual, "'" + s + "': general parser " + expected + ", XsdParse " + actual);
        if (expected)
        {
            Assert.True(want == got && want.Offset == got.Offset, "'" + s + "': general parser " + want.ToString("o") + ", XsdParse " + got.ToString("o"));
        }
    }

    [Theory]
    [InlineData("2024-05-01T13:14:15")]
    [InlineData("2024-05-01T13:14:15Z")]
    [InlineData("2024-05-01T13:14:15+02:00")]
    [InlineData("2024-05-01T13:14:15-09:30")]
    [InlineData("2024-05-01T13:14:15.1Z")]
    [InlineData("2024-05-01T13:14:15.1234567+14:00")]
    [InlineData("2024-05-01T13:14:15.12345678Z")]
    [InlineData("2024-05-01T13:14:15.Z")]
    [InlineData("2024-02-29T00:00:00Z")]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2024-05-01T24:00:00Z")]
    [InlineData("2024-05-01T23:59:60Z")]
    [InlineData("2024-05-01T13:14:15+15:00")]
    [InlineData("2024-05-01T13:14:15+02:60")]
    [InlineData("2024-05-01T13:14:15+0200")]
    [InlineData("2024-05-01T13:14:15z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("2024-05-01 13:14:15")]
    [InlineData("2024-5-1T13:14:15")]
    [InlineData("2024-05-01T13:14")]
    public void Agrees_with_the_general_parser_at_the_edges(string s) => AssertSameAsGeneral(s);

    [Fact]
    public void Agrees_with_the_general_parser_on_random_near_canonical_strings()
    {
        var random = new Random(20240501);
        for (int i = 0; i < 20_000; i++)
        {
            var s = new StringBuilder();
            s.Append(random.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture)).Append('-')
                .Append(random.Next(0, 14).ToString("D2", CultureInfo.InvariantCulture)).Append('-')
                .Append(random.Next(0, 33).ToString("D2", CultureInfo.InvariantCulture)).Append('T')
                .Append(random.Next(0, 25).ToString("D2", CultureInfo.InvariantCulture)).Append(':')
                .Append(random.Next(0, 61).ToString("D2", CultureInfo.InvariantCulture)).Append(':')
                .Append(random.Next(0, 61).ToString("D2", CultureInfo.InvariantCulture));
            int fraction = random.Next(-1, 10);
            if (fraction >= 0)
            {
                s.Append('.');
                for (int d = 0; d < fraction; d++)
                {
                    s.Append((char)('0' + random.Next(10)));
                }
            }

            switch (random.Next(4))
            {
                case 1:
                    s.Append('Z');
                    break;
                case 2:
                case 3:
                    s.Append(random.Next(2) == 0 ? '+' : '-')
                        .Append(random.Next(0, 16).ToString("D2", CultureInfo.InvariantCulture)).Append(':')
                        .Append(random.Next(0, 61).ToString("D2", CultureInfo.InvariantCulture));
                    break;
            }

            AssertSameAsGeneral(s.ToString());
        }
    }
}
