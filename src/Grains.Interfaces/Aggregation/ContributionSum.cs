namespace Programme.Aggregation;

/// <summary>A mutable running sum of contributions: add and subtract in place, snapshot when read.</summary>
public sealed class ContributionSum
{
    private readonly long[] _counts = new long[CountFields];
    private readonly decimal[] _money = new decimal[MoneyFields];
    private readonly decimal[] _byMonth = new decimal[Contribution.Months];
    private const int CountFields = 33;
    private const int MoneyFields = 7;

    public void Add(Contribution c) => Apply(c, 1);
    public void Subtract(Contribution c) => Apply(c, -1);

    private void Apply(Contribution c, int sign)
    {
        var k = _counts;
        k[0] += sign * c.Enterprises; k[1] += sign * c.AboveScale; k[2] += sign * c.Covered;
        k[3] += sign * c.BelowScaleEnterprises; k[4] += sign * c.BelowScaleProjects; k[5] += sign * c.Projects;
        k[6] += sign * c.ProjectsThisYear; k[7] += sign * c.Intelligent; k[8] += sign * c.Green;
        k[9] += sign * c.Technical; k[10] += sign * c.CloudThisYear; k[11] += sign * c.CloudTotal;
        k[12] += sign * c.DigitalThisYear; k[13] += sign * c.DigitalTotal; k[14] += sign * c.SmartCertificationsThisYear;
        k[15] += sign * c.GreenCertificationsThisYear; k[16] += sign * c.Certifications; k[17] += sign * c.GrantedProjects;
        k[18] += sign * c.Halted; k[19] += sign * c.SemiHalted; k[20] += sign * c.Revived;
        k[21] += sign * c.NewlyAboveScale; k[22] += sign * c.CoveredNewlyAboveScale;
        k[23] += sign * c.DatabaseEntered; k[24] += sign * c.DatabasePending; k[25] += sign * c.DatabaseExited;
        k[26] += sign * c.KeyProjects; k[27] += sign * c.PlannedStartThisYear; k[28] += sign * c.StartedThisYear;
        k[29] += sign * c.ScheduleDue; k[30] += sign * c.ScheduleReported;
        k[31] += sign * c.CloudSmeThisYear; k[32] += sign * c.DigitalSmeThisYear;
        var m = _money;
        m[0] += sign * c.TotalInvestment; m[1] += sign * c.Completed; m[2] += sign * c.PlannedThisYear;
        m[3] += sign * c.InvestmentThisYear; m[4] += sign * c.CompletedThisYear; m[5] += sign * c.GrantsAwarded;
        m[6] += sign * c.GrantsDisbursed;
        for (var i = 0; i < Contribution.Months && i < c.CompletedByMonth.Length; i++) _byMonth[i] += sign * c.CompletedByMonth[i];
        _completedProjects += sign * c.CompletedProjectsThisYear;
    }

    private long _completedProjects;

    public Contribution ToContribution()
    {
        var k = _counts;
        var m = _money;
        return new Contribution
        {
            Enterprises = (int)k[0], AboveScale = (int)k[1], Covered = (int)k[2],
            BelowScaleEnterprises = (int)k[3], BelowScaleProjects = (int)k[4], Projects = (int)k[5],
            ProjectsThisYear = (int)k[6], Intelligent = (int)k[7], Green = (int)k[8], Technical = (int)k[9],
            CloudThisYear = (int)k[10], CloudTotal = (int)k[11], DigitalThisYear = (int)k[12], DigitalTotal = (int)k[13],
            SmartCertificationsThisYear = (int)k[14], GreenCertificationsThisYear = (int)k[15], Certifications = (int)k[16],
            GrantedProjects = (int)k[17], Halted = (int)k[18], SemiHalted = (int)k[19], Revived = (int)k[20],
            NewlyAboveScale = (int)k[21], CoveredNewlyAboveScale = (int)k[22],
            DatabaseEntered = (int)k[23], DatabasePending = (int)k[24], DatabaseExited = (int)k[25],
            KeyProjects = (int)k[26], PlannedStartThisYear = (int)k[27], StartedThisYear = (int)k[28],
            ScheduleDue = (int)k[29], ScheduleReported = (int)k[30],
            CloudSmeThisYear = (int)k[31], DigitalSmeThisYear = (int)k[32],
            TotalInvestment = m[0], Completed = m[1], PlannedThisYear = m[2], InvestmentThisYear = m[3],
            CompletedThisYear = m[4], GrantsAwarded = m[5], GrantsDisbursed = m[6],
            CompletedByMonth = (decimal[])_byMonth.Clone(),
            CompletedProjectsThisYear = (int)_completedProjects,
        };
    }

    public static Contribution Total(IEnumerable<Contribution> parts)
    {
        var sum = new ContributionSum();
        foreach (var p in parts) sum.Add(p);
        return sum.ToContribution();
    }
}
