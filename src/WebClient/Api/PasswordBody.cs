namespace Programme.Web.Api;

public sealed record PasswordBody(string? Password);
