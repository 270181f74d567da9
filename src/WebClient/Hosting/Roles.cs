namespace Programme.Web.Hosting;

/// <summary>CONTRACT.md roles and claims.</summary>
public static class Roles
{
    public const string City = "city";
    public const string County = "county";
    public const string Viewer = "viewer";
    public const string RoleClaim = "role";
    public const string CountyClaim = "county";
    public const string NameClaim = "name";

    public const string WritePolicy = "write";
    public const string CityPolicy = "city";

    public static readonly string[] All = [City, County, Viewer];
}
