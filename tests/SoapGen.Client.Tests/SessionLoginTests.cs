using System;
using System.Net.Http;
using System.Threading.Tasks;
using InterServer;
using SoapGen.Runtime;

namespace SoapGen.Client.Tests;

/// <summary>A generated session's LoginAsync (credentials checked up front) and Invalidate, through its interface.</summary>
public sealed class SessionLoginTests(InterServerServer server) : IClassFixture<InterServerServer>, IDisposable
{
    private readonly HttpClient _http = new();

    [Fact]
    public async Task LoginAsyncLogsInOnceAndTheCallsUseThatToken()
    {
        IMyapiSession session = new MyapiClient(_http, server.Endpoint).CreateSession("user", "right");
        int logins = server.Logins;

        await session.LoginAsync();
        await session.LoginAsync();
        string? ima = await session.ApiGetImaAsync();

        Assert.Equal(1, server.Logins - logins);
        Assert.Equal("ima for sid-" + server.Logins, ima);
    }

    [Fact]
    public async Task WrongCredentialsFailInLoginAsyncBeforeAnyOtherCall()
    {
        IMyapiSession session = new MyapiClient(_http, server.Endpoint).CreateSession("user", "wrong");
        int calls = server.Calls;

        var error = await Assert.ThrowsAsync<SoapAuthenticationException>(() => session.LoginAsync());

        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
        Assert.Equal(calls, server.Calls);
    }

    [Fact]
    public async Task InvalidateMakesTheNextLoginAsyncLogInAgain()
    {
        IMyapiSession session = new MyapiClient(_http, server.Endpoint).CreateSession("user", "right");
        await session.LoginAsync();
        int logins = server.Logins;

        session.Invalidate();
        await session.LoginAsync();
        string? ima = await session.ApiGetImaAsync();

        Assert.Equal(1, server.Logins - logins);
        Assert.Equal("ima for sid-" + server.Logins, ima);
    }

    public void Dispose() => _http.Dispose();
}
