using Programme.Commands;
using Programme.Domain;
using Programme.Grains.Enterprises;
using Programme.Grants;

namespace Programme.Grains.Grants;

/// <summary>
/// The rules of a funding batch's review pipeline. Each method takes the batch as it stands and returns either the batch
/// as it would be after the command or why nothing may change: 400 (a field breaks a rule), 403 (the caller's role or
/// county may not), 409 (the application is not where the command needs it). The grain persists what comes back.
/// </summary>
internal static class Pipeline
{
    public const int MaxApplications = 5000;
    public const int MaxNoteLength = 2000;
    public static readonly TimeSpan MaxNoticeWindow = TimeSpan.FromDays(60);

    public readonly record struct Step(FundingBatch? Next, BatchResult? Failure, int? ApplicationId = null, int[]? Affected = null)
    {
        public static implicit operator Step(BatchResult failure) => new(null, failure);
    }

    /// <summary>"county:{id}" for a county agent, "system" for the platform itself, else "city".</summary>
    public static string Role(ChangeContext ctx) =>
        ctx.CountyScope is { } county ? $"county:{county}" : ctx.Actor == "system" || ctx.Via is "seed" or "simulation" ? "system" : "city";

    /// <summary>The county's own stages (县级): on-site check and joint recommendation.</summary>
    public static bool IsCountyStage(ReviewStage stage) => stage <= ReviewStage.CountyRecommendation;

    private static bool IsCity(ChangeContext ctx) => ctx.CountyScope is null;

    private static bool MayActFor(ChangeContext ctx, string countyId) => ctx.CountyScope is null || ctx.CountyScope == countyId;

    public static Step Create(string id, CreateBatch c, ChangeContext ctx, DateTimeOffset now)
    {
        if (!IsCity(ctx)) return BatchResult.Forbidden(0, "Only city staff open a funding batch.");
        var e = new FieldErrors();
        if (!EnterpriseRules.IsValidId(id)) e.Add("id", "must be 1–64 characters of A–Z, a–z, 0–9, '_' or '-'");
        var name = e.Text("name", c.Name);
        var from = e.Month("windowFrom", c.WindowFrom);
        var to = e.Month("windowTo", c.WindowTo);
        if (from is not null && to is not null && to < from) e.Add("windowTo", "must not be before windowFrom");
        var kinds = new List<ProjectKind>();
        if (c.Kinds is null || c.Kinds.Length == 0) e.Add("kinds", $"name at least one project kind: {Wire.Allowed<ProjectKind>()}");
        else
        {
            foreach (var k in c.Kinds)
            {
                if (Wire.TryParse<ProjectKind>(k, out var kind)) { if (!kinds.Contains(kind)) kinds.Add(kind); }
                else e.Add("kinds", $"'{k}' is not a project kind; use {Wire.Allowed<ProjectKind>()}");
            }
        }
        SubsidyRule? subsidy = null;
        if (c.Subsidy is { } s)
        {
            if (s.Rate is null) e.Add("subsidy.rate", "is required (a fraction 0–1 of the investment completed in the window)");
            else if (s.Rate <= 0 || s.Rate > 1) e.Add("subsidy.rate", "must be greater than 0 and at most 1");
            else if (decimal.Round(s.Rate.Value, 4) != s.Rate) e.Add("subsidy.rate", "must have at most 4 decimal places");
            var cap = e.Money("subsidy.cap", s.Cap, required: false, positive: true);
            if (s.Rate is > 0 and <= 1 && decimal.Round(s.Rate.Value, 4) == s.Rate) subsidy = new SubsidyRule(s.Rate.Value, cap);
        }
        var rewards = new List<RewardAmount>();
        foreach (var (key, amount) in c.Rewards ?? [])
        {
            if (!Wire.TryParse<RewardResult>(key, out var result))
            {
                e.Add("rewards", $"'{key}' is not a result the reward class pays for; use {Wire.Allowed<RewardResult>()}");
                continue;
            }
            if (e.Money($"rewards.{key}", amount, positive: true) is { } yuan) rewards.Add(new RewardAmount(result, yuan));
        }
        var themes = new List<ProjectTheme>();
        foreach (var th in c.Themes ?? [])
        {
            if (Wire.TryParse<ProjectTheme>(th, out var theme)) { if (!themes.Contains(theme)) themes.Add(theme); }
            else e.Add("themes", $"'{th}' is not a project category of the fund; use {Wire.Allowed<ProjectTheme>()}");
        }
        SubsidyRule? machine = null;
        if (c.MachineReplacesLabour is { } m)
        {
            if (m.Rate is null) e.Add("machineReplacesLabour.rate", "is required (a fraction 0–1 of the eligible equipment investment)");
            else if (m.Rate <= 0 || m.Rate > 1 || decimal.Round(m.Rate.Value, 4) != m.Rate) e.Add("machineReplacesLabour.rate", "must be greater than 0 and at most 1, with at most 4 decimal places");
            var cap = e.Money("machineReplacesLabour.cap", m.Cap, required: false, positive: true);
            if (m.Rate is > 0 and <= 1 && decimal.Round(m.Rate.Value, 4) == m.Rate) machine = new SubsidyRule(m.Rate.Value, cap);
            if (c.Rewards?.ContainsKey(Wire.NameOf(RewardResult.MachineReplacesLabour)) == true)
                e.Add("rewards", "machine-replaces-labour is supported as a ratio here; do not give it a fixed amount too");
        }
        if (c.Subsidy is null && (c.Rewards is null || c.Rewards.Count == 0) && c.MachineReplacesLabour is null)
            e.Add("subsidy", "offer at least one class: subsidy (a rate) or rewards (amounts per result)");
        var budget = e.Money("budget", c.Budget, required: false, positive: true);
        string? reference = c.Reference is null ? null : e.Text("reference", c.Reference);
        if (e.Any) return Invalid(0, e);

        var call = new BatchCall
        {
            Name = name!, WindowFrom = from!.Value, WindowTo = to!.Value, Kinds = [.. kinds.Order()], Subsidy = subsidy,
            Rewards = [.. rewards.OrderBy(r => r.Result)], Budget = budget, Reference = reference, Themes = [.. themes.Order()],
            MachineReplacesLabour = machine,
        };
        return new Step(new FundingBatch { Id = id, Call = call, Accepting = true, Version = 1, CreatedAt = now, UpdatedAt = now }, null);
    }

    public static Step Apply(FundingBatch b, ApplyForGrant c, Enterprise? firm, ChangeContext ctx, DateTimeOffset now)
    {
        var e = new FieldErrors();
        if (string.IsNullOrEmpty(c.EnterpriseId)) e.Add("enterpriseId", "is required");
        else if (!EnterpriseRules.IsValidId(c.EnterpriseId)) e.Add("enterpriseId", "must be 1–64 characters of A–Z, a–z, 0–9, '_' or '-'");
        else if (firm is null) e.Add("enterpriseId", $"no enterprise '{c.EnterpriseId}' is registered");
        if (string.IsNullOrEmpty(c.ProjectId)) e.Add("projectId", "is required");
        var grantClass = e.Enum<GrantClass>("class", c.Class);
        RewardResult? result = null;
        if (grantClass == GrantClass.Reward) result = e.Enum<RewardResult>("result", c.Result);
        else if (grantClass == GrantClass.Subsidy && c.Result is not null) e.Add("result", "goes only with the reward class");
        var note = Note(e, c.Note, required: false);
        if (e.Any) return Invalid(b.Version, e);

        if (!MayActFor(ctx, firm!.CountyId))
            return BatchResult.Forbidden(b.Version, $"A county agent applies only for firms of their own county; this firm is in {firm.CountyId}.");
        if (!b.Accepting) return BatchResult.Conflict(b.Version, "batch", "this batch no longer takes applications");
        var project = firm.Projects.FirstOrDefault(p => p.Id == c.ProjectId);
        if (project is null) return BatchResult.Invalid(b.Version, "projectId", $"no project '{c.ProjectId}' of enterprise '{firm.Id}'");
        if (b.Applications.FirstOrDefault(a => a.EnterpriseId == firm.Id && a.ProjectId == project.Id) is { } earlier)
            return BatchResult.Conflict(b.Version, "projectId", $"this project already applied in this batch (application {earlier.Id}); a project applies once per batch");
        if (!b.Call.Offers(grantClass!.Value))
            return BatchResult.Invalid(b.Version, "class", $"this batch does not offer the {Wire.Name(grantClass.Value)} class");
        if (result is { } r && !b.Call.Pays(r))
            return BatchResult.Invalid(b.Version, "result", $"this batch rewards only: {string.Join(", ", b.Call.Rewards.Select(x => Wire.NameOf(x.Result)))}");
        if (AwardRules.Ineligibility(b.Call, firm, project, grantClass.Value, result) is { } why)
            return BatchResult.Invalid(b.Version, why.Field, why.Rule);
        if (b.Applications.Length >= MaxApplications)
            return BatchResult.Conflict(b.Version, "batch", $"a batch holds at most {MaxApplications} applications");

        var requested = AwardRules.Requested(b.Call, project, grantClass.Value, result);
        var id = b.Applications.Length + 1;
        var app = new GrantApplication
        {
            Id = id, EnterpriseId = firm.Id, EnterpriseName = firm.Name, CountyId = firm.CountyId, ProjectId = project.Id,
            ProjectName = project.Name, ProjectKind = project.Kind, Class = grantClass.Value, Result = result,
            TotalInvestment = project.TotalInvestment, CompletedInWindow = AwardRules.CompletedInWindow(project, b.Call.WindowFrom, b.Call.WindowTo),
            Requested = requested, Amount = requested, Stage = ReviewStage.CountyCheck, Status = ApplicationStatus.Pending,
            AppliedAt = now, UpdatedAt = now,
            History = [Entry(ctx, now, HistoryAction.Applied, ReviewStage.CountyCheck, note, amount: requested)],
        };
        return new Step(Commit(b with { Applications = [.. b.Applications, app] }, now), null, id);
    }

    public static Step Decide(FundingBatch b, DecideApplication c, ChangeContext ctx, DateTimeOffset now)
    {
        var app = b.Find(c.ApplicationId);
        if (app is null) return BatchResult.NotFound(b.Version, $"No application {c.ApplicationId} in batch {b.Id}.");
        var e = new FieldErrors();
        var stage = e.Enum<ReviewStage>("stage", c.Stage);
        var decision = e.Enum<ReviewDecision>("decision", c.Decision);
        var note = Note(e, c.Note, required: decision is ReviewDecision.Decline or ReviewDecision.Return);
        var amount = e.Money("amount", c.Amount, required: false, positive: true);
        decimal? score = null;
        if (c.Score is { } sc)
        {
            if (sc < 0 || sc > 100) e.Add("score", "must be between 0 and 100");
            else if (decimal.Round(sc, 2) != sc) e.Add("score", "must have at most 2 decimal places");
            else score = sc;
        }
        var returnTo = c.ReturnTo is null ? (ReviewStage?)null : e.Enum<ReviewStage>("returnTo", c.ReturnTo);
        if (decision is not null && decision != ReviewDecision.Approve)
        {
            if (c.Amount is not null) e.Add("amount", "goes only with an approval");
            if (c.Score is not null) e.Add("score", "goes only with an approval");
        }
        if (decision is not null && decision != ReviewDecision.Return && c.ReturnTo is not null) e.Add("returnTo", "goes only with a return");
        if (decision == ReviewDecision.Approve && stage is not null)
        {
            if (stage == ReviewStage.ExpertPanel && c.Score is null) e.Add("score", "is required when the expert panel approves (0–100)");
            if (stage != ReviewStage.ExpertPanel && c.Score is not null) e.Add("score", "only the expert panel scores");
            if (amount is not null && amount > app.Amount) e.Add("amount", $"may only lower the amount, which stands at {app.Amount} yuan");
        }
        if (decision == ReviewDecision.Return && returnTo is not null && stage is not null && returnTo > stage)
            e.Add("returnTo", "must be this stage or an earlier one");
        if (e.Any) return Invalid(b.Version, e);

        var at = stage!.Value;
        if (IsCountyStage(at) ? !MayActFor(ctx, app.CountyId) : !IsCity(ctx))
            return BatchResult.Forbidden(b.Version, IsCountyStage(at)
                ? $"The {Wire.NameOf(at)} stage is decided by the county of the firm ({app.CountyId}) or city staff."
                : $"The {Wire.NameOf(at)} stage is decided by city staff.");
        if (app.Stage != at || app.Status is ApplicationStatus.Declined or ApplicationStatus.Disbursed)
            return BatchResult.Conflict(b.Version, "stage", $"application {app.Id} is {Where(app)}, not at {Wire.NameOf(at)}");

        return decision switch
        {
            ReviewDecision.Approve => Approve(b, app, at, amount, score, note, ctx, now),
            ReviewDecision.Decline => Decline(b, app, note!, ctx, now),
            _ => Return(b, app, returnTo ?? ReviewStage.CountyCheck, note!, ctx, now),
        };
    }

    private static Step Approve(FundingBatch b, GrantApplication app, ReviewStage at, decimal? amount, decimal? score, string? note, ChangeContext ctx, DateTimeOffset now)
    {
        if (at == ReviewStage.Disbursement)
            return Pay(b, app, app.Awarded - app.Disbursed, note, ctx, now);
        if (app.Status == ApplicationStatus.Waiting)
            return BatchResult.Conflict(b.Version, "decision", $"application {app.Id} is on the waiting list: the budget has no room for it yet (decline it, or raise the budget)");
        if (app.Status == ApplicationStatus.Returned)
            return BatchResult.Conflict(b.Version, "decision", $"application {app.Id} was returned for revision and waits for the applicant to resubmit it");
        if (at == ReviewStage.PublicNotice)
        {
            if (app.NoticeUntil is not { } until)
                return BatchResult.Conflict(b.Version, "stage", $"application {app.Id} waits for the public notice to be published");
            if (now < until)
                return BatchResult.Conflict(b.Version, "stage", $"the objection window of application {app.Id} is open until {until:u}");
        }
        var set = amount ?? app.Amount;
        if (at == ReviewStage.Award)
        {
            var awarded = Awarded(app with { Amount = set, UpdatedAt = now }, ctx, now, note);
            return new Step(Commit(Outbox(Rebalance(Replace(b, awarded), now, ctx), app.Id), now), null, app.Id);
        }
        var entry = Entry(ctx, now, HistoryAction.Approved, at, note, amount: set, score: score);
        var next = app with { Amount = set, History = [.. app.History, entry], UpdatedAt = now };
        if (at == ReviewStage.ExpertPanel)
        {
            // A recommendation asks for money: it joins the queue in rank order, and the queue is funded top-down.
            next = next with { Stage = ReviewStage.SpecialAudit, Status = ApplicationStatus.Waiting, Score = score, RecommendedAt = now };
            var after = Rebalance(Replace(b, next), now, ctx, justRecommended: next.Id);
            return new Step(Commit(after, now), null, app.Id);
        }
        next = next with { Stage = at + 1, Status = ApplicationStatus.Pending };
        return new Step(Commit(Rebalance(Replace(b, next), now, ctx), now), null, app.Id);
    }

    /// <summary>The award is the award stage's approval: one history line says both.</summary>
    private static GrantApplication Awarded(GrantApplication app, ChangeContext ctx, DateTimeOffset now, string? note)
    {
        var award = Entry(ctx, now, HistoryAction.Awarded, ReviewStage.Award, note, amount: app.Amount);
        return app with
        {
            Stage = ReviewStage.Disbursement, Status = ApplicationStatus.Awarded, Awarded = app.Amount,
            AwardedMonth = new YearMonth(now.Year, now.Month), History = [.. app.History, award],
        };
    }

    private static Step Decline(FundingBatch b, GrantApplication app, string note, ChangeContext ctx, DateTimeOffset now)
    {
        if (app.IsAwarded) return BatchResult.Conflict(b.Version, "decision", $"application {app.Id} is awarded; an award is final");
        var next = app with
        {
            Status = ApplicationStatus.Declined, Funded = false, UpdatedAt = now,
            History = [.. app.History, Entry(ctx, now, HistoryAction.Declined, app.Stage, note)],
        };
        return new Step(Commit(Rebalance(Replace(b, next), now, ctx), now), null, app.Id);
    }

    private static Step Return(FundingBatch b, GrantApplication app, ReviewStage to, string note, ChangeContext ctx, DateTimeOffset now)
    {
        if (app.IsAwarded) return BatchResult.Conflict(b.Version, "decision", $"application {app.Id} is awarded; an award is final");
        if (app.Status != ApplicationStatus.Pending)
            return BatchResult.Conflict(b.Version, "decision", $"application {app.Id} is {Where(app)}; only an application under review can be returned");
        var next = SendBack(app, to, ApplicationStatus.Returned) with
        {
            UpdatedAt = now, History = [.. app.History, Entry(ctx, now, HistoryAction.Returned, app.Stage, note, returnTo: to)],
        };
        return new Step(Commit(Rebalance(Replace(b, next), now, ctx), now), null, app.Id);
    }

    /// <summary>Back to an earlier stage: from the panel's stage on, the recommendation and its money are released.</summary>
    private static GrantApplication SendBack(GrantApplication app, ReviewStage to, ApplicationStatus status)
    {
        var next = app with { Stage = to, Status = status, NoticeUntil = null };
        return to <= ReviewStage.ExpertPanel ? next with { Funded = false, Score = null, RecommendedAt = null } : next;
    }

    public static Step Resubmit(FundingBatch b, ResubmitApplication c, Enterprise? firm, ChangeContext ctx, DateTimeOffset now)
    {
        var app = b.Find(c.ApplicationId);
        if (app is null) return BatchResult.NotFound(b.Version, $"No application {c.ApplicationId} in batch {b.Id}.");
        var e = new FieldErrors();
        var note = Note(e, c.Note, required: false);
        if (e.Any) return Invalid(b.Version, e);
        if (!MayActFor(ctx, app.CountyId))
            return BatchResult.Forbidden(b.Version, $"Only the firm's county ({app.CountyId}) or city staff resubmit its application.");
        if (app.Status != ApplicationStatus.Returned)
            return BatchResult.Conflict(b.Version, "applicationId", $"application {app.Id} is {Where(app)}; only a returned application is resubmitted");
        var project = firm?.Projects.FirstOrDefault(p => p.Id == app.ProjectId);
        if (firm is null || project is null)
            return BatchResult.Conflict(b.Version, "projectId", "the project is no longer registered");
        if (AwardRules.Ineligibility(b.Call, firm, project, app.Class, app.Result) is { } why)
            return BatchResult.Conflict(b.Version, why.Field, why.Rule);

        // The revision may have changed what the project declares: the amounts follow it, never above what was approved.
        var requested = AwardRules.Requested(b.Call, project, app.Class, app.Result);
        var amount = app.Funded ? Math.Min(app.Amount, requested) : requested;
        var next = app with
        {
            Status = ApplicationStatus.Pending, Requested = requested, Amount = amount, TotalInvestment = project.TotalInvestment,
            CompletedInWindow = AwardRules.CompletedInWindow(project, b.Call.WindowFrom, b.Call.WindowTo),
            EnterpriseName = firm.Name, ProjectName = project.Name, UpdatedAt = now,
            History = [.. app.History, Entry(ctx, now, HistoryAction.Resubmitted, app.Stage, note, amount: requested)],
        };
        return new Step(Commit(Rebalance(Replace(b, next), now, ctx), now), null, app.Id);
    }

    public static Step Object(FundingBatch b, RaiseObjection c, ChangeContext ctx, DateTimeOffset now)
    {
        var app = b.Find(c.ApplicationId);
        if (app is null) return BatchResult.NotFound(b.Version, $"No application {c.ApplicationId} in batch {b.Id}.");
        var e = new FieldErrors();
        var reason = Note(e, c.Reason, required: true, field: "reason");
        var objector = c.Objector is null ? null : e.Text("objector", c.Objector);
        if (e.Any) return Invalid(b.Version, e);
        if (app.Stage != ReviewStage.PublicNotice || app.Status != ApplicationStatus.Pending || app.NoticeUntil is null)
            return BatchResult.Conflict(b.Version, "applicationId", $"application {app.Id} is {Where(app)}, not on the public notice");
        if (now >= app.NoticeUntil)
            return BatchResult.Conflict(b.Version, "applicationId", $"the objection window of application {app.Id} closed at {app.NoticeUntil:u}");
        // An objection sends the application back to the expert panel, whose recommendation (and the money) it puts in doubt.
        var text = objector is null ? reason! : $"{objector}: {reason}";
        var next = SendBack(app, ReviewStage.ExpertPanel, ApplicationStatus.Pending) with
        {
            UpdatedAt = now,
            History = [.. app.History, Entry(ctx, now, HistoryAction.Objected, ReviewStage.PublicNotice, text, returnTo: ReviewStage.ExpertPanel)],
        };
        return new Step(Commit(Rebalance(Replace(b, next), now, ctx), now), null, app.Id);
    }

    public static Step Publish(FundingBatch b, PublishNotice c, ChangeContext ctx, DateTimeOffset now)
    {
        if (!IsCity(ctx)) return BatchResult.Forbidden(b.Version, "City staff publish the public notice.");
        var e = new FieldErrors();
        var note = Note(e, c.Note, required: false);
        if (c.Until is null) e.Add("until", "is required: when the objection window closes");
        else if (c.Until <= now) e.Add("until", "must be in the future");
        else if (c.Until - now > MaxNoticeWindow) e.Add("until", $"the objection window may last at most {MaxNoticeWindow.TotalDays} days");
        if (e.Any) return Invalid(b.Version, e);
        var ready = b.Applications.Where(a => a.Stage == ReviewStage.PublicNotice && a.Status == ApplicationStatus.Pending && a.NoticeUntil is null).ToList();
        if (ready.Count == 0) return BatchResult.Conflict(b.Version, "batch", "no application has passed the audit and waits for the notice");
        var apps = (GrantApplication[])b.Applications.Clone();
        foreach (var a in ready)
        {
            apps[a.Id - 1] = a with
            {
                NoticeUntil = c.Until, UpdatedAt = now,
                History = [.. a.History, Entry(ctx, now, HistoryAction.Noticed, ReviewStage.PublicNotice, note, amount: a.Amount, until: c.Until)],
            };
        }
        return new Step(Commit(b with { Applications = apps }, now), null, null, [.. ready.Select(a => a.Id)]);
    }

    public static Step Award(FundingBatch b, AwardApplications c, ChangeContext ctx, DateTimeOffset now)
    {
        if (!IsCity(ctx)) return BatchResult.Forbidden(b.Version, "City staff make the awards.");
        var e = new FieldErrors();
        var note = Note(e, c.Note, required: false);
        if (e.Any) return Invalid(b.Version, e);
        bool Ready(GrantApplication a) => a.Stage == ReviewStage.Award && a.Status == ApplicationStatus.Pending;
        List<GrantApplication> chosen;
        if (c.ApplicationIds is { Length: > 0 } ids)
        {
            chosen = [];
            foreach (var id in ids.Distinct())
            {
                var a = b.Find(id);
                if (a is null || !Ready(a))
                    return BatchResult.Conflict(b.Version, "applicationIds", a is null ? $"no application {id}" : $"application {id} is {Where(a)}, not waiting at the award stage");
                chosen.Add(a);
            }
        }
        else chosen = [.. b.Applications.Where(Ready)];
        if (chosen.Count == 0) return BatchResult.Conflict(b.Version, "batch", "no application waits at the award stage");
        var apps = (GrantApplication[])b.Applications.Clone();
        foreach (var a in chosen) apps[a.Id - 1] = Awarded(a with { UpdatedAt = now }, ctx, now, note);
        var next = b with { Applications = apps, GrantsToRecord = [.. b.GrantsToRecord.Union(chosen.Select(a => a.Id))] };
        return new Step(Commit(next, now), null, null, [.. chosen.Select(a => a.Id)]);
    }

    public static Step Disburse(FundingBatch b, Disburse c, ChangeContext ctx, DateTimeOffset now)
    {
        if (!IsCity(ctx)) return BatchResult.Forbidden(b.Version, "City staff pay the awards.");
        var app = b.Find(c.ApplicationId);
        if (app is null) return BatchResult.NotFound(b.Version, $"No application {c.ApplicationId} in batch {b.Id}.");
        var e = new FieldErrors();
        var note = Note(e, c.Note, required: false);
        var amount = e.Money("amount", c.Amount, required: false, positive: true);
        if (e.Any) return Invalid(b.Version, e);
        if (app.Status != ApplicationStatus.Awarded)
            return BatchResult.Conflict(b.Version, "applicationId", $"application {app.Id} is {Where(app)}; only an award still unpaid can be paid");
        var unpaid = app.Awarded - app.Disbursed;
        if (amount > unpaid) return BatchResult.Invalid(b.Version, "amount", $"must not exceed the {unpaid} yuan still unpaid of the award");
        return Pay(b, app, amount ?? unpaid, note, ctx, now);
    }

    private static Step Pay(FundingBatch b, GrantApplication app, decimal amount, string? note, ChangeContext ctx, DateTimeOffset now)
    {
        if (app.Status != ApplicationStatus.Awarded || amount <= 0)
            return BatchResult.Conflict(b.Version, "applicationId", $"application {app.Id} is {Where(app)}; nothing is left to pay");
        var paid = app.Disbursed + amount;
        var next = app with
        {
            Disbursed = paid, Status = paid == app.Awarded ? ApplicationStatus.Disbursed : ApplicationStatus.Awarded, UpdatedAt = now,
            History = [.. app.History, Entry(ctx, now, HistoryAction.Disbursed, ReviewStage.Disbursement, note, amount: amount)],
        };
        return new Step(Commit(Outbox(Replace(b, next), app.Id), now), null, app.Id);
    }

    public static Step SetBudget(FundingBatch b, decimal? budget, ChangeContext ctx, DateTimeOffset now)
    {
        if (!IsCity(ctx)) return BatchResult.Forbidden(b.Version, "City staff set the budget.");
        var e = new FieldErrors();
        var cap = e.Money("budget", budget, required: false, positive: true);
        if (e.Any) return Invalid(b.Version, e);
        if (cap == b.Call.Budget) return new Step(null, new BatchResult { Outcome = BatchOutcome.Unchanged, Version = b.Version });
        var committed = Committed(b);
        if (cap < committed)
            return BatchResult.Conflict(b.Version, "budget", $"must not fall below the {committed} yuan already committed");
        var next = b with { Call = b.Call with { Budget = cap } };
        return new Step(Commit(Rebalance(next, now, ctx), now), null);
    }

    public static Step Close(FundingBatch b, ChangeContext ctx, DateTimeOffset now)
    {
        if (!IsCity(ctx)) return BatchResult.Forbidden(b.Version, "City staff close a batch to applications.");
        if (!b.Accepting) return new Step(null, new BatchResult { Outcome = BatchOutcome.Unchanged, Version = b.Version });
        return new Step(Commit(b with { Accepting = false }, now), null);
    }

    /// <summary>Everything held against the budget: funded recommendations at their current amounts, and awards.</summary>
    public static decimal Committed(FundingBatch b)
    {
        decimal sum = 0;
        foreach (var a in b.Applications)
            if (a.Funded) sum += a.Amount;
        return sum;
    }

    /// <summary>The waiting list in rank order: higher score first, then earlier recommendation, then lower number.</summary>
    public static IEnumerable<GrantApplication> Waiting(FundingBatch b) =>
        b.Applications.Where(a => a.Status == ApplicationStatus.Waiting)
            .OrderByDescending(a => a.Score ?? 0).ThenBy(a => a.RecommendedAt).ThenBy(a => a.Id);

    /// <summary>
    /// Funds the waiting list from the top while the top fits in what remains (strict rank order: a lower-ranked
    /// application never overtakes a higher one). Uncapped, everything recommended is funded.
    /// </summary>
    private static FundingBatch Rebalance(FundingBatch b, DateTimeOffset now, ChangeContext ctx, int? justRecommended = null)
    {
        var waiting = Waiting(b).ToList();
        if (waiting.Count == 0) return b;
        var apps = (GrantApplication[])b.Applications.Clone();
        var remaining = b.Call.Budget - Committed(b);
        foreach (var a in waiting)
        {
            if (remaining is { } r && a.Amount > r) break;
            remaining -= a.Amount;
            var history = a.Id == justRecommended
                ? a.History
                : [.. a.History, Entry(ctx, now, HistoryAction.Funded, ReviewStage.SpecialAudit, "funded from the waiting list as money became available", amount: a.Amount)];
            apps[a.Id - 1] = a with { Status = ApplicationStatus.Pending, Funded = true, History = history, UpdatedAt = now };
        }
        if (justRecommended is { } id && apps[id - 1].Status == ApplicationStatus.Waiting)
        {
            var a = apps[id - 1];
            apps[id - 1] = a with
            {
                History = [.. a.History, Entry(ctx, now, HistoryAction.WaitListed, ReviewStage.ExpertPanel,
                    $"recommended, not funded: {remaining} yuan of the budget remain", amount: a.Amount)],
            };
        }
        return b with { Applications = apps };
    }

    /// <summary>Where an application stands, in words for an error message.</summary>
    public static string Where(GrantApplication a) => a.Status switch
    {
        ApplicationStatus.Pending => $"at {Wire.NameOf(a.Stage)}",
        ApplicationStatus.Returned => $"returned for revision (to re-enter at {Wire.NameOf(a.Stage)})",
        ApplicationStatus.Waiting => "on the waiting list",
        ApplicationStatus.Declined => "declined",
        ApplicationStatus.Awarded => "awarded",
        _ => "awarded and paid in full",
    };

    private static FundingBatch Replace(FundingBatch b, GrantApplication app)
    {
        var apps = (GrantApplication[])b.Applications.Clone();
        apps[app.Id - 1] = app;
        return b with { Applications = apps };
    }

    private static FundingBatch Outbox(FundingBatch b, int id) =>
        b.GrantsToRecord.Contains(id) ? b : b with { GrantsToRecord = [.. b.GrantsToRecord, id] };

    private static FundingBatch Commit(FundingBatch b, DateTimeOffset now) => b with { Version = b.Version + 1, UpdatedAt = now };

    private static ReviewEntry Entry(ChangeContext ctx, DateTimeOffset now, HistoryAction action, ReviewStage stage, string? note,
        decimal? amount = null, decimal? score = null, ReviewStage? returnTo = null, DateTimeOffset? until = null) => new()
    {
        At = now, Actor = ctx.Actor, Role = Role(ctx), Action = action, Stage = stage, Note = note, Amount = amount, Score = score,
        ReturnTo = returnTo, Until = until,
    };

    private static string? Note(FieldErrors e, string? value, bool required, string field = "note")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) e.Add(field, "is required: say why (it is kept in the application's history)");
            return null;
        }
        return e.Text(field, value, MaxNoteLength);
    }

    private static BatchResult Invalid(long version, FieldErrors e) =>
        new() { Outcome = BatchOutcome.Invalid, Version = version, Errors = e.ToDictionary() };
}
