using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Programme.Web.Hosting;

public static class AuthSetup
{
    public static IServiceCollection AddProgrammeAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = AuthSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = AuthSettings.Issuer,
                    ValidAudience = AuthSettings.Audience,
                    IssuerSigningKey = settings.Key(),
                    RoleClaimType = Roles.RoleClaim,
                    NameClaimType = Roles.NameClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.WritePolicy, p => p.RequireRole(Roles.City, Roles.County))
            .AddPolicy(Roles.CityPolicy, p => p.RequireRole(Roles.City));
        return services;
    }
}
