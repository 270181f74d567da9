using System.Diagnostics;
using System.Text.Json;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Contract;

/// <summary>
/// The OpenAPI linter of the suite: @redocly/cli, pinned in scripts/test-deps.sh and installed into .tools/redocly
/// (REDOCLY_BIN), run with its recommended rules on a document written to a file.
/// </summary>
public static class Redocly
{
    public sealed record Problem(string Severity, string Rule, string Message, string Pointer);
    public sealed record Result(int Errors, int Warnings, IReadOnlyList<Problem> Problems)
    {
        public string Describe(string severity) => string.Join("\n", Problems.Where(p => p.Severity == severity).Take(40).Select(p => $"{p.Rule}: {p.Message} at {p.Pointer}"));
    }

    public static string Binary()
    {
        var configured = Environment.GetEnvironmentVariable("REDOCLY_BIN");
        var path = !string.IsNullOrEmpty(configured) ? configured : Path.Combine(AppProcess.RepoRoot, ".tools", "redocly", "node_modules", ".bin", "redocly");
        if (!File.Exists(path))
            throw new InvalidOperationException($"@redocly/cli is not installed at {path}: ./test.sh installs it (scripts/test-deps.sh, ensure_redocly).");
        return path;
    }

    public static async Task<Result> Lint(string documentJson)
    {
        var dir = Directory.CreateTempSubdirectory("openapi-lint-");
        try
        {
            var file = Path.Combine(dir.FullName, "openapi.json");
            await File.WriteAllTextAsync(file, documentJson);
            // No redocly.yaml in the folder: the built-in recommended rules apply, as they would for an integrator.
            var info = new ProcessStartInfo(Binary()) { WorkingDirectory = dir.FullName, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "lint", file, "--extends", "recommended", "--format", "json", "--max-problems", "10000" }) info.ArgumentList.Add(a);
            info.Environment["REDOCLY_TELEMETRY"] = "off";
            info.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var output = await stdout;
            var start = output.IndexOf('{');
            if (start < 0) throw new InvalidOperationException($"redocly gave no JSON report (exit {process.ExitCode}):\n{output}\n{await stderr}");
            using var report = JsonDocument.Parse(output[start..]);
            var totals = report.RootElement.GetProperty("totals");
            var problems = report.RootElement.GetProperty("problems").EnumerateArray().Select(p => new Problem(
                p.GetProperty("severity").GetString()!, p.GetProperty("ruleId").GetString()!, p.GetProperty("message").GetString()!,
                p.GetProperty("location").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } l && l.TryGetProperty("pointer", out var ptr) ? ptr.GetString() ?? "" : "")).ToList();
            return new Result(totals.GetProperty("errors").GetInt32(), totals.GetProperty("warnings").GetInt32(), problems);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
