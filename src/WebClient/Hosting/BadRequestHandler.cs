using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Programme.Web.Hosting;

/// <summary>
/// Turns a body that cannot be read (bad JSON, a wrong type, too large, wrong media type) into problem+json naming the
/// field, in our words — never the framework's type names or a stack trace. Anything else is a plain 500 problem.
/// </summary>
public sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        http.Response.StatusCode = bad.StatusCode;
        var errors = new Dictionary<string, string[]>();
        var json = bad.InnerException as JsonException ?? exception.InnerException?.InnerException as JsonException;
        if (json is not null)
        {
            var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            errors[field] = [field == "body" ? "is not a valid JSON object for this request" : "has the wrong type or format for this field"];
        }
        else if (bad.StatusCode == StatusCodes.Status400BadRequest)
        {
            errors["body"] = ["is missing or is not a JSON object"];
        }
        var title = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "The request body is too large",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json",
            _ => "The request body could not be read; nothing was changed.",
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = bad.StatusCode, Title = title, Extensions = errors.Count > 0 ? new Dictionary<string, object?> { ["errors"] = errors } : new Dictionary<string, object?>() },
        });
    }
}
