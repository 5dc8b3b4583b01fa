using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;

namespace SoapGen.Benchmarks;

/// <summary>
/// <c>SoapGen.Benchmarks.FirstCall ENDPOINT</c>: makes one api_login in this fresh process and prints
/// <c>first-call-ms N</c>, the time from the start of Main to the decoded reply. Exit code 1 if the reply is wrong.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        long start = Stopwatch.GetTimestamp();
        string? sid = await FirstSoapGenCall.RunAsync(new Uri(args[0]));
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (sid != CannedReplies.SessionId)
        {
            Console.Error.WriteLine("unexpected api_login result: " + sid);
            return 1;
        }

        Console.WriteLine("first-call-ms " + ms.ToString("F3", CultureInfo.InvariantCulture));
        return 0;
    }
}
