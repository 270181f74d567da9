using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Programme.Web.Hosting;

/// <summary>Configuration section "Auth".</summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";
    public const string Issuer = "three-transformations";
    public const string Audience = "three-transformations-api";

    /// <summary>
    /// Well known, for a developer's machine only: any real deployment sets Auth:SigningKey (≥ 32 characters),
    /// and the app says so in its log when it runs on this one.
    /// </summary>
    public const string DevelopmentKey = "development-only-signing-key-change-me-0123456789";

    public string? SigningKey { get; set; }
    public bool PublicBoards { get; set; } = true;
    public double TokenHours { get; set; } = 12;
    public bool DemoAccounts { get; set; }
    public string DemoPassword { get; set; } = "sanmenxia-2022";
    /// <summary>Writes per user (or per address, signed out) per second, with bursts of 10×.</summary>
    public int WritesPerSecond { get; set; } = 50;

    public bool UsesDevelopmentKey => string.IsNullOrWhiteSpace(SigningKey);

    public SymmetricSecurityKey Key()
    {
        var text = UsesDevelopmentKey ? DevelopmentKey : SigningKey!;
        if (text.Length < 32) throw new InvalidOperationException("Auth:SigningKey must be at least 32 characters.");
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(text));
    }

    public static AuthSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<AuthSettings>() ?? new AuthSettings();
}
