namespace Programme.Web.Api;

public sealed record SignInBody(string? UserName, string? Password);
