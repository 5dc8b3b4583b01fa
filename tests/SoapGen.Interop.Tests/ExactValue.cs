using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;

namespace SoapGen.Interop.Tests;

/// <summary>
/// An exact text form of a value for echo comparisons, stricter than Equals: −0 is not 0 (float.Equals says it is),
/// 1.0m is not 1.00m, a DateTimeOffset keeps its offset, null is not empty. Records show their properties in order.
/// </summary>
public static class ExactValue
{
    public static string Show(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    /// <summary>The index of the first difference of two strings, or -1.</summary>
    public static int FirstDifference(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return a.Length == b.Length ? -1 : n;
    }

    private static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case string s:
                AppendString(sb, s);
                break;
            case float f:
                // "R" is the shortest round-trip form and spells -0 as "-0"; the bits tell NaN payloads apart.
                sb.Append(f.ToString("R", CultureInfo.InvariantCulture)).Append("f(0x").Append(BitConverter.SingleToInt32Bits(f).ToString("X8", CultureInfo.InvariantCulture)).Append(')');
                break;
            case decimal m:
                sb.Append(m.ToString(CultureInfo.InvariantCulture)).Append('m'); // keeps the scale
                break;
            case DateTimeOffset d:
                sb.Append(d.ToString("o", CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                sb.Append("bytes[").Append(bytes.Length).Append("]:").Append(Convert.ToHexString(bytes));
                break;
            case bool or int or long:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case double d:
                // As float: the shortest round-trip form (−0 stays "-0") and the bits.
                sb.Append(d.ToString("R", CultureInfo.InvariantCulture)).Append("d(0x").Append(BitConverter.DoubleToInt64Bits(d).ToString("X16", CultureInfo.InvariantCulture)).Append(')');
                break;
            case short or ushort or byte or sbyte or uint or ulong:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('(').Append(value.GetType().Name).Append(')');
                break;
            case System.Xml.Linq.XNode node:
                sb.Append(node.ToString(System.Xml.Linq.SaveOptions.DisableFormatting));
                break;
            case ValueType when value.GetType().GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType == value.GetType():
                // A struct that says what it is (an extensible enum's wire form, DateOnly, BigInteger…).
                sb.Append(value.GetType().Name).Append('(');
                AppendString(sb, value.ToString() ?? "");
                sb.Append(')');
                break;
            case IEnumerable items:
                sb.Append('[');
                bool first = true;
                foreach (object? item in items)
                {
                    sb.Append(first ? "" : ", ");
                    first = false;
                    Append(sb, item);
                }

                sb.Append(']');
                break;
            default:
                Type type = value.GetType();
                sb.Append(type.Name).Append(" { ");
                foreach (PropertyInfo p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
                {
                    sb.Append(p.Name).Append(" = ");
                    Append(sb, p.GetValue(value));
                    sb.Append("; ");
                }

                sb.Append('}');
                break;
        }
    }

    private static void AppendString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '\r': sb.Append("\\r"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    // Invisible and non-ASCII characters by code unit, so a changed surrogate or NBSP shows.
                    if (c < ' ' || c > '~')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
