using Programme.Domain;
using Programme.Grants;

namespace Programme.Grains.Grants;

/// <summary>
/// The class rules of the special fund, pure so that a simulation can apply them too: the subsidy class pays a rate of the
/// eligible investment completed in the batch's window (rounded down to the fen, at most the cap per project); the reward
/// class pays a fixed amount for a result. Eligibility says, in a sentence, why a project may not apply, or null.
/// </summary>
public static class AwardRules
{
    /// <summary>Investment the project completed in the months <paramref name="from"/> … <paramref name="to"/>, inclusive.</summary>
    public static decimal CompletedInWindow(Project project, YearMonth from, YearMonth to)
    {
        decimal sum = 0;
        foreach (var m in project.Monthly)
            if (m.Month >= from && m.Month <= to) sum += m.Amount;
        return sum;
    }

    /// <summary>补助: rate × investment completed in the window, down to the fen, at most the cap.</summary>
    public static decimal Subsidy(SubsidyRule rule, decimal completedInWindow)
    {
        if (completedInWindow <= 0) return 0m;
        var amount = decimal.Round(rule.Rate * completedInWindow, 2, MidpointRounding.ToZero);
        return rule.Cap is { } cap && amount > cap ? cap : amount;
    }

    /// <summary>奖励: the call's fixed amount for the result, or null when the call does not reward it.</summary>
    public static decimal? Reward(IReadOnlyList<RewardAmount> rewards, RewardResult result)
    {
        foreach (var r in rewards)
            if (r.Result == result) return r.Amount;
        return null;
    }

    /// <summary>机器换人: the support ratio × the eligible equipment investment, down to the fen, at most the cap.</summary>
    public static decimal MachineReplacesLabour(SubsidyRule rule, decimal equipmentInvestment) => Subsidy(rule, equipmentInvestment);

    /// <summary>What the application asks for under the call's rules (0 when the class or result is not offered).</summary>
    public static decimal Requested(BatchCall call, Project project, GrantClass grantClass, RewardResult? result) => grantClass switch
    {
        GrantClass.Subsidy when call.Subsidy is { } rule => Subsidy(rule, CompletedInWindow(project, call.WindowFrom, call.WindowTo)),
        GrantClass.Reward when result == RewardResult.MachineReplacesLabour && call.MachineReplacesLabour is { } mrl =>
            MachineReplacesLabour(mrl, project.EquipmentInvestment ?? 0m),
        GrantClass.Reward when result is { } r => Reward(call.Rewards, r) ?? 0m,
        _ => 0m,
    };

    /// <summary>Why this project may not apply for this class (field name and rule), or null when it may.</summary>
    public static (string Field, string Rule)? Ineligibility(BatchCall call, Enterprise firm, Project project, GrantClass grantClass, RewardResult? result)
    {
        var window = $"{call.WindowFrom}…{call.WindowTo}";
        if (!call.Kinds.Contains(project.Kind) && !(project.Theme is { } theme && call.Themes.Contains(theme)))
            return ("projectId", $"is a {Wire.Name(project.Kind)} project; this batch funds {string.Join(", ", call.Kinds.Select(Wire.Name).Concat(call.Themes.Select(Wire.Name)))} projects");
        if (!project.Implemented)
            return ("projectId", $"must be underway or completed (it is {Wire.Name(project.Status)})");
        if (grantClass == GrantClass.Subsidy)
        {
            return CompletedInWindow(project, call.WindowFrom, call.WindowTo) > 0
                ? null
                : ("projectId", $"has no investment completed in the window {window}");
        }
        if (result is not { } r) return ("result", "is required for the reward class");
        if (r == RewardResult.MachineReplacesLabour)
        {
            var done = project.Kind == ProjectKind.Intelligent && project.Status == ProjectStatus.Completed
                && project.EndMonth >= call.WindowFrom && project.EndMonth <= call.WindowTo;
            if (!done) return ("result", $"machine-replaces-labour needs an intelligent project completed in the window {window}");
            return call.MachineReplacesLabour is not null && project.EquipmentInvestment is not > 0
                ? ("result", "machine-replaces-labour support is a ratio of the project's eligible equipment investment: record it (equipmentInvestment)")
                : null;
        }
        var kind = Certification(r);
        var held = firm.Certifications.Any(c => c.Kind == kind && c.Month >= call.WindowFrom && c.Month <= call.WindowTo);
        return held ? null : ("result", $"the firm holds no {Wire.Name(kind)} certification granted in the window {window}");
    }

    /// <summary>The certification a reward result stands for (machine-replaces-labour stands for none).</summary>
    public static CertificationKind Certification(RewardResult result) => result switch
    {
        RewardResult.SmartFactory => CertificationKind.SmartFactory,
        RewardResult.SmartWorkshop => CertificationKind.SmartWorkshop,
        RewardResult.GreenFactory => CertificationKind.GreenFactory,
        RewardResult.SmartManufacturingBenchmark => CertificationKind.SmartManufacturingBenchmark,
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "not a certification result"),
    };
}
