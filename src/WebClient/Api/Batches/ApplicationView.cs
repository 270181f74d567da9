using System.Text.Json.Serialization;
using Programme.Domain;
using Programme.Grants;

namespace Programme.Web.Api.Batches;

/// <summary>An application as the API shows it; the history only when one application is asked for.</summary>
public sealed record ApplicationView
{
    public int Id { get; init; }
    public required string BatchId { get; init; }
    public required string EnterpriseId { get; init; }
    public required string EnterpriseName { get; init; }
    public required string CountyId { get; init; }
    public required string ProjectId { get; init; }
    public required string ProjectName { get; init; }
    public ProjectKind ProjectKind { get; init; }
    public GrantClass Class { get; init; }
    public RewardResult? Result { get; init; }
    public decimal TotalInvestment { get; init; }
    public decimal CompletedInWindow { get; init; }
    public decimal Requested { get; init; }
    public decimal Amount { get; init; }
    public ReviewStage Stage { get; init; }
    public ApplicationStatus Status { get; init; }
    public decimal? Score { get; init; }
    public bool Funded { get; init; }
    public DateTimeOffset? NoticeUntil { get; init; }
    public decimal Awarded { get; init; }
    public decimal Disbursed { get; init; }
    public YearMonth? AwardedMonth { get; init; }
    public DateTimeOffset AppliedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<HistoryView>? History { get; init; }

    public static ApplicationView From(string batchId, GrantApplication a, bool withHistory, IReadOnlyDictionary<string, string>? actorNames = null)
    {
        IReadOnlyList<HistoryView>? history = null;
        if (withHistory)
        {
            var voided = ReviewHistory.Voided(a.History);
            history = [.. a.History.Select((h, i) => new HistoryView(h.At, h.Actor, h.Role, h.Action, h.Stage, h.Note, h.Amount, h.Score, h.ReturnTo, h.Until, voided[i],
                actorNames is not null && actorNames.TryGetValue(h.Actor, out var name) ? name : null))];
        }
        return new ApplicationView
        {
            Id = a.Id, BatchId = batchId, EnterpriseId = a.EnterpriseId, EnterpriseName = a.EnterpriseName, CountyId = a.CountyId,
            ProjectId = a.ProjectId, ProjectName = a.ProjectName, ProjectKind = a.ProjectKind, Class = a.Class, Result = a.Result,
            TotalInvestment = a.TotalInvestment, CompletedInWindow = a.CompletedInWindow, Requested = a.Requested, Amount = a.Amount,
            Stage = a.Stage, Status = a.Status, Score = a.Score, Funded = a.Funded, NoticeUntil = a.NoticeUntil, Awarded = a.Awarded,
            Disbursed = a.Disbursed, AwardedMonth = a.AwardedMonth, AppliedAt = a.AppliedAt, UpdatedAt = a.UpdatedAt, History = history,
        };
    }
}
