using Programme.Commands;
using Programme.Domain;

namespace Programme.Web.Api;

/// <summary>problem+json answers (RFC 9457) that name what was wrong, never how the server is built.</summary>
public static class Problems
{
    public static IResult UnknownCounty(string countyId) =>
        Results.Problem(statusCode: 404, title: "Unknown county", detail: $"'{countyId}' is not a county id. Known: {CountyCatalogue.AllowedIds}.");

    public static IResult NotFound(string what) => Results.Problem(statusCode: 404, title: "Not found", detail: what);

    public static IResult From(CommandResult result, Func<IResult> onSuccess) => result.Outcome switch
    {
        CommandOutcome.Accepted or CommandOutcome.Unchanged => onSuccess(),
        CommandOutcome.Invalid => Results.ValidationProblem(result.Errors.ToDictionary(kv => kv.Key, kv => kv.Value),
            title: "The request has invalid fields; nothing was changed."),
        CommandOutcome.NotFound => NotFound("No such enterprise or project."),
        CommandOutcome.VersionConflict => Results.Problem(statusCode: 412, title: "Precondition failed",
            detail: $"The enterprise has changed since you read it (now version {result.Version}); reload and apply your change again."),
        CommandOutcome.Forbidden => Results.Problem(statusCode: 403, title: "Forbidden",
            detail: "A county agent may change only enterprises of their own county; moving a firm between counties is for city staff."),
        _ => Results.Problem(statusCode: 500, title: "Unexpected outcome"),
    };
}
