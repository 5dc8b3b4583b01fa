using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Interop.Tests;

/// <summary>
/// <c>php -S 127.0.0.1:PORT script</c> on a free loopback port, run from the repository root, for the test server
/// fixtures. Fails early, with <c>installHint</c>, when php or a needed extension is missing; keeps php's output for
/// failure messages; on dispose kills php, its worker processes and its process group.
/// </summary>
public sealed class PhpServerProcess : IDisposable
{
    private const int MaxLogChars = 200_000;

    private readonly Process _process;
    private readonly int _processGroup;
    private readonly string _installHint;
    private readonly StringBuilder _log = new();
    private readonly HttpClient _control;

    /// <param name="script">The router script php -S runs for every request.</param>
    /// <param name="environment">Variables for php; a null value removes the variable (so the caller's shell cannot leak it in).</param>
    /// <param name="extensions">Extensions <c>php -m</c> must list.</param>
    /// <param name="installHint">The command that installs what is missing, for the error messages.</param>
    /// <param name="purpose">Who needs the server ("the weather test server"), for the error messages.</param>
    /// <param name="stateVariable">
    /// When the server keeps state in files (php -S workers share nothing else): the variable that names a fresh temporary
    /// directory for it, deleted on dispose.
    /// </param>
    public PhpServerProcess(string script, IReadOnlyDictionary<string, string?> environment, IReadOnlyList<string> extensions, string installHint, string purpose, string? stateVariable = null)
    {
        _installHint = installHint;
        string php = FindPhp()
            ?? throw new InvalidOperationException($"PHP is needed for {purpose}, and `php` is not on PATH (or SOAPGEN_PHP names no file). Install it: {installHint}");
        string modules = RunToEnd(php, "-m");
        foreach (string ext in extensions)
        {
            if (!modules.Split('\n').Any(l => string.Equals(l.Trim(), ext, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"`{php} -m` does not list the '{ext}' extension, which {purpose} needs. Install it: {installHint}");
            }
        }

        Port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{Port}/");

        // setsid makes php the leader of its own process group, so its PHP_CLI_SERVER_WORKERS children die with it.
        bool useSetsid = File.Exists("/usr/bin/setsid") || File.Exists("/bin/setsid");
        var psi = new ProcessStartInfo(useSetsid ? "setsid" : php)
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (useSetsid)
        {
            psi.ArgumentList.Add(php);
        }

        psi.ArgumentList.Add("-S");
        psi.ArgumentList.Add($"127.0.0.1:{Port}");
        psi.ArgumentList.Add(script);
        if (stateVariable is not null)
        {
            StateDirectory = Directory.CreateTempSubdirectory("soapgen-php-state-").FullName;
            psi.Environment[stateVariable] = StateDirectory;
        }

        foreach (KeyValuePair<string, string?> variable in environment)
        {
            if (variable.Value is null)
            {
                psi.Environment.Remove(variable.Key);
            }
            else
            {
                psi.Environment[variable.Key] = variable.Value;
            }
        }

        _process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start " + php);
        _process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        _process.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _processGroup = ReadProcessGroup(_process.Id);
        _control = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    /// <summary>The server's state directory, when it was given one.</summary>
    public string? StateDirectory { get; }

    /// <summary>GET of a path relative to <see cref="BaseUri"/> (a control endpoint, say); throws unless it answers 200.</summary>
    public string GetText(string path)
    {
        using HttpResponseMessage response = _control.GetAsync(path.TrimStart('/')).GetAwaiter().GetResult();
        string body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /{path.TrimStart('/')} answered {(int)response.StatusCode}: {body}\nphp log:\n{Log}");
        }

        return body;
    }

    /// <summary>GET of a path relative to <see cref="BaseUri"/>, parsed as JSON.</summary>
    public JsonElement GetJson(string path)
    {
        using JsonDocument document = JsonDocument.Parse(GetText(path));
        return document.RootElement.Clone();
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>What php -S printed so far (request log, PHP warnings); for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Waits (up to 20 s) until a GET of <paramref name="probe"/> answers 200.</summary>
    public void WaitUntilAnswering(Uri probe)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        WaitUntilAnswering(() =>
        {
            using HttpResponseMessage r = http.GetAsync(probe).GetAwaiter().GetResult();
            if (r.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {probe.PathAndQuery} answered {(int)r.StatusCode}: {r.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
            }
        });
    }

    /// <summary>
    /// Waits (up to 20 s) until <paramref name="probe"/> returns; it is retried while it throws what a server that is
    /// still starting causes (connection refused, timeout, an error status or an unparsable answer).
    /// </summary>
    public void WaitUntilAnswering(Action probe)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"php -S exited with code {_process.ExitCode} before answering. If PHP or one of its extensions is missing: {_installHint}\n{Log}");
            }

            try
            {
                probe();
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or JsonException or TaskCanceledException)
            {
                last = ex;
                Thread.Sleep(100);
            }
        }

        throw new InvalidOperationException($"php -S on port {Port} did not answer within 20 s: {last?.Message}\n{Log}", last);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        // Workers that survived the tree walk (it races with forks) are still in php's own process group.
        if (_processGroup > 1 && _processGroup == _process.Id)
        {
            try
            {
                RunToEnd("kill", "-KILL", "--", "-" + _processGroup);
            }
            catch (Exception)
            {
                // no process left in the group
            }
        }

        _process.WaitForExit(5000);
        _process.Dispose();
        _control.Dispose();
        if (StateDirectory is not null)
        {
            try
            {
                Directory.Delete(StateDirectory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // a temporary directory: left for the system to clean
            }
        }
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            // Bounded: a long test run must not grow the log without limit; its start is what explains a failure.
            if (_log.Length < MaxLogChars)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static int ReadProcessGroup(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid pgrp ..."; comm may contain spaces, so parse after the last ')'.
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    private static string? FindPhp()
    {
        // SOAPGEN_PHP names a specific php binary (e.g. another version); it must exist.
        if (Environment.GetEnvironmentVariable("SOAPGEN_PHP") is { Length: > 0 } explicitPhp)
        {
            return File.Exists(explicitPhp) ? explicitPhp : null;
        }

        string? path = Environment.GetEnvironmentVariable("PATH");
        if (path is null)
        {
            return null;
        }

        foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, "php");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string RunToEnd(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi) ?? throw new InvalidOperationException("Could not start " + file);
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output + err.GetAwaiter().GetResult();
    }
}
