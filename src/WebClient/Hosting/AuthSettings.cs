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
    /// Well known, for a developer's machine only (ASPNETCORE_ENVIRONMENT=Development): outside Development the app refuses
    /// to start without its own Auth:SigningKey (≥ 32 characters), and refuses this one.
    /// </summary>
    public const string DevelopmentKey = "development-only-signing-key-change-me-0123456789";

    public string? SigningKey { get; set; }
    public bool PublicBoards { get; set; } = true;
    public double TokenHours { get; set; } = 12;
    /// <summary>Null: on in Development, off elsewhere. True outside Development only when an operator asks for it.</summary>
    public bool? DemoAccounts { get; set; }
    public const string PublishedDemoPassword = "sanmenxia-2022";
    public string DemoPassword { get; set; } = PublishedDemoPassword;
    /// <summary>Writes per user (or per address, signed out) per second, with bursts of 10×.</summary>
    public int WritesPerSecond { get; set; } = 50;

    public bool UsesDevelopmentKey => string.IsNullOrWhiteSpace(SigningKey);

    /// <summary>Set from the host environment at start: Development keeps the one-command demo.</summary>
    public bool IsDevelopment { get; set; }

    /// <summary>Whether the demo accounts are created: asked for explicitly, or by default in Development only.</summary>
    public bool CreatesDemoAccounts => DemoAccounts ?? IsDevelopment;

    /// <summary>
    /// The published demo password opens an account only while the demo accounts are on: a data folder carried over from a
    /// demo run into a real deployment does not keep letting people in with a password printed in the README.
    /// </summary>
    public bool RefusesPassword(string password) => !CreatesDemoAccounts && password == PublishedDemoPassword;

    /// <summary>Why the app must not start with these settings in this environment, or null.</summary>
    public string? StartupProblem()
    {
        if (SigningKey is { Length: > 0 } key && key.Trim().Length < 32)
            return "Auth:SigningKey is too short: it must be at least 32 characters (e.g. the output of `openssl rand -base64 48`).";
        if (IsDevelopment) return null;
        if (UsesDevelopmentKey)
            return "Auth:SigningKey is not set. Outside Development the app does not run on the development key published in its source. " +
                   "Set a secret of at least 32 characters, the same on every front end, e.g.\n" +
                   "    export Auth__SigningKey=\"$(openssl rand -base64 48)\"\n" +
                   "(or --Auth:SigningKey … on the command line, or \"Auth\": { \"SigningKey\": … } in appsettings.json); " +
                   "for a local demo run with ASPNETCORE_ENVIRONMENT=Development instead. See docs/OPERATIONS.md, \"Signing key\".";
        if (SigningKey == DevelopmentKey)
            return "Auth:SigningKey is the development key published in the source; outside Development set a secret of your own (docs/OPERATIONS.md, \"Signing key\").";
        return null;
    }

    /// <summary>A short, non-reversible fingerprint of the key in use, for the start-up log (never the key itself).</summary>
    public string KeyFingerprint() =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Key().Key))[..12];

    /// <summary>One line for the start-up log: which identity settings are in force.</summary>
    public string Describe() =>
        $"signing key: {(UsesDevelopmentKey ? "the DEVELOPMENT key (published; Development only)" : "Auth:SigningKey")} (fingerprint {KeyFingerprint()}); " +
        $"demo accounts: {(CreatesDemoAccounts ? (DemoAccounts is true ? "on (Auth:DemoAccounts=true)" : "on (Development)") : "off")}" +
        $"{(CreatesDemoAccounts && DemoPassword == PublishedDemoPassword ? " with the PUBLISHED demo password" : "")}; " +
        $"published demo password: {(RefusesPassword(PublishedDemoPassword) ? "refused" : "accepted")}; " +
        $"public boards: {(PublicBoards ? "on" : "off")}; API tokens valid {TokenHours:0.#} h";

    public SymmetricSecurityKey Key()
    {
        var text = UsesDevelopmentKey ? DevelopmentKey : SigningKey!;
        if (text.Length < 32) throw new InvalidOperationException("Auth:SigningKey must be at least 32 characters.");
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(text));
    }

    public static AuthSettings From(IConfiguration configuration, bool isDevelopment = false)
    {
        var settings = configuration.GetSection(Section).Get<AuthSettings>() ?? new AuthSettings();
        settings.IsDevelopment = isDevelopment;
        return settings;
    }
}
