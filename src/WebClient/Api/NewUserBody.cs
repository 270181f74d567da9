namespace Programme.Web.Api;

public sealed record NewUserBody(string? UserName, string? DisplayName, string? Role, string? County, string? Password);
