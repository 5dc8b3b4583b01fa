namespace SoapGen.Runtime.Tests;

public class StatusResultTests
{
    private sealed record Result(string? Status, string? StatusText) : ISoapStatusResult;

    [Theory]
    [InlineData("ok", true)]
    [InlineData("OK", true)]
    [InlineData("Success", true)]
    [InlineData(" ok ", true)]
    [InlineData("error", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsOk_accepts_only_ok_and_success(string? status, bool expected)
    {
        Assert.Equal(expected, new Result(status, "text").IsOk());
    }

    [Fact]
    public void EnsureOk_returns_the_result_or_throws_with_status_and_text()
    {
        var ok = new Result("ok", "done");
        Assert.Same(ok, ok.EnsureOk());

        SoapStatusException ex = Assert.Throws<SoapStatusException>(() => new Result("error", "Invalid IP address").EnsureOk());
        Assert.Equal("error", ex.Status);
        Assert.Equal("Invalid IP address", ex.StatusText);
        Assert.Contains("Invalid IP address", ex.Message);
        Assert.IsAssignableFrom<SoapException>(ex);
    }
}
