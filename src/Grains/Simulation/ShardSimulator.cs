using Programme.Domain;
using Programme.Grants;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// Simulates a block of firms for a block of Monte Carlo runs under every arm's policy, month by month, on flat arrays.
/// Every random draw is keyed by (world, run, firm, month, purpose) and every figure is an integer level counter, so a
/// firm behaves the same whichever shard holds it and shards add up the same in any order.
/// </summary>
public sealed class ShardSimulator
{
    private static readonly int Counties = CountyCatalogue.All.Count;
    private const int M = Metric.Count;

    private readonly ArmRules[] _arms;
    private readonly int _runs, _firms, _startOrdinal, _months, _runFrom;
    private readonly byte[] _county, _sector;
    private readonly bool[] _above;
    private readonly ulong[] _keys;              // [run][firm]
    private readonly FirmState[] _state;         // [arm][run][firm]
    private readonly StructBuffer<ActiveProject>[] _projects; // [arm][run]
    private readonly StructBuffer<Application>[] _applications;
    private readonly long[] _counters;           // [arm][run][county][metric]
    private readonly double[] _fund;             // [arm][run]: the share of its awards the fund paid at its last batch
    private readonly BehaviourParameters _b;
    private readonly double _norm;               // 1 / (1 + GrantResponse × the observed policy's mean expected share)
    private readonly long[] _approved;           // [arm][run]: approved at this month's public notice
    private int _done;

    public ShardSimulator(ShardSetup setup)
    {
        var d = setup.Definition;
        _b = d.Behaviour;
        _arms = setup.Arms.Select(p => new ArmRules(p, _b)).ToArray();
        _norm = 1.0 / (1 + _b.GrantResponse * BehaviourModel.ReferenceShare(_b));
        _runFrom = setup.RunFrom;
        _runs = setup.RunTo - setup.RunFrom;
        _startOrdinal = d.StartMonth.Ordinal;
        _months = d.Months;
        var firms = setup.Firms ?? BuildFirms(setup);
        _firms = firms.Length;
        _county = new byte[_firms];
        _sector = new byte[_firms];
        _above = new bool[_firms];
        var ids = new ulong[_firms];
        var countyIndex = CountyCatalogue.All.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => (byte)x.i, StringComparer.Ordinal);
        var sectorIndex = Sectors.All.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => (byte)x.i, StringComparer.Ordinal);
        for (var f = 0; f < _firms; f++)
        {
            _county[f] = countyIndex[firms[f].CountyId];
            _sector[f] = sectorIndex.TryGetValue(firms[f].Sector, out var s) ? s : sectorIndex["other"];
            _above[f] = firms[f].AboveScale;
            ids[f] = SimRandom.Hash(firms[f].Id);
        }
        _keys = new ulong[_runs * _firms];
        for (var r = 0; r < _runs; r++)
            for (var f = 0; f < _firms; f++) _keys[r * _firms + f] = SimRandom.FirmKey(setup.World, _runFrom + r, ids[f]);

        var lanes = _arms.Length * _runs;
        _state = new FirmState[lanes * _firms];
        _projects = new StructBuffer<ActiveProject>[lanes];
        _applications = new StructBuffer<Application>[lanes];
        _counters = new long[lanes * Counties * M];
        _fund = new double[lanes];
        _approved = new long[lanes];
        var lastCall = Populations.LastCallBefore(d.StartMonth, d.Policy.BatchMonths).Ordinal;
        for (var lane = 0; lane < lanes; lane++)
        {
            _projects[lane] = new StructBuffer<ActiveProject>();
            _applications[lane] = new StructBuffer<Application>();
            _fund[lane] = 1.0;
            var run = lane % _runs;
            for (var f = 0; f < _firms; f++) Seed(lane, f, firms[f], _keys[run * _firms + f], lastCall);
        }
    }

    public int MonthsDone => _done;

    private static SeedFirm[] BuildFirms(ShardSetup setup)
    {
        var d = setup.Definition;
        if (d.Baseline == ScenarioDefinition.SyntheticBaseline)
            return Enumerable.Range(setup.FirmFrom, setup.FirmTo - setup.FirmFrom).Select(i => Populations.Synthetic(i, setup.World)).ToArray();
        var all = Populations.Baseline(d.StartMonth, d.Policy.BatchMonths);
        return all[setup.FirmFrom..setup.FirmTo];
    }

    private void Seed(int lane, int f, SeedFirm firm, ulong key, int lastCall)
    {
        ref var s = ref _state[lane * _firms + f];
        s.Status = firm.Status;
        s.GreenLevel = firm.GreenLevel;
        s.SmartLevel = firm.SmartLevel;
        s.Digital = firm.Digital;
        s.Cloud = firm.Cloud;
        var c = Counter(lane, _county[f]);
        var above = firm.AboveScale;
        if (above) _counters[c + Metric.AboveScale]++;
        _counters[c + Metric.GrantsAwarded] += firm.Grants;
        if (firm.Status == OperatingStatus.Revived) _counters[c + Metric.Revived]++;
        if (firm.Status is OperatingStatus.Halted or OperatingStatus.SemiHalted) _counters[c + Metric.Idle]++;
        if (firm.Digital) _counters[c + Metric.Digital]++;
        if (firm.Cloud) _counters[c + Metric.Cloud]++;
        for (var j = 0; j < firm.Projects.Length; j++)
        {
            var p = firm.Projects[j];
            if (!p.Scheduled) Implement(lane, f, p.Kind, p.Total, c);
            if (p.Completed && above) _counters[c + Metric.AboveScaleCompleted]++;
            _counters[c + (above ? Metric.InvestmentCompleted : Metric.BelowScaleInvestment)] += p.Invested;
            var completedSinceCall = p.Completed && p.End.Ordinal >= lastCall;
            if (p.Completed && p.InvestedSinceCall == 0 && !completedSinceCall) continue;
            _projects[lane].Add(new ActiveProject
            {
                Firm = f, Key = SimRandom.Combine(key, 0x5EED0000UL + (ulong)j), Total = p.Total, Invested = p.Invested,
                SinceCall = p.InvestedSinceCall, Start = p.Start.Ordinal, End = Math.Max(p.End.Ordinal, p.Start.Ordinal),
                Kind = (byte)p.Kind, Scheduled = p.Scheduled, Done = p.Completed, CompletedSinceCall = completedSinceCall,
                Even = !p.Scheduled && !p.Completed, Pace = p.Pace, Equipment = p.Equipment,
            });
        }
    }

    private int Counter(int lane, int county) => (lane * Counties + county) * M;

    /// <summary>An idle firm whose transformation gets underway restarts production with the chance BehaviourParameters.Revive.</summary>
    private void Revive(int lane, int f, ulong key, int ordinal)
    {
        ref var s = ref _state[lane * _firms + f];
        if (s.Status is not (OperatingStatus.Halted or OperatingStatus.SemiHalted) || SimRandom.Uniform(key, ordinal, Purpose.Revive) >= _b.Revive) return;
        s.Status = OperatingStatus.Revived;
        var c = Counter(lane, _county[f]);
        _counters[c + Metric.Idle]--;
        _counters[c + Metric.Revived]++;
    }

    /// <summary>A project counts from the month it is underway: the firm's projects, its coverage, the county's totals.</summary>
    private void Implement(int lane, int f, ProjectKind kind, long total, int c)
    {
        ref var s = ref _state[lane * _firms + f];
        s.Projects++;
        if (_above[f])
        {
            if (s.Projects == 1) _counters[c + Metric.Covered]++;
            _counters[c + Metric.Projects]++;
            _counters[c + Metric.TotalInvestment] += total;
            _counters[c + Metric.Intelligent + (int)kind]++;
        }
        else _counters[c + Metric.BelowScaleProjects]++;
    }

    /// <summary>The starting levels (month index -1), in the layout of a one-month report.</summary>
    public ShardReport Initial()
    {
        var city = new long[_arms.Length * _runs * M];
        var counties = new long[_arms.Length * _runs * Counties * Metric.CountyCount];
        for (var lane = 0; lane < _arms.Length * _runs; lane++) Record(lane, 0, 1, city, counties);
        return new ShardReport(-1, 0, city, counties, [], 0);
    }

    public ShardReport Advance(ShardAdvance advance)
    {
        if (advance.From != _done) throw new InvalidOperationException($"shard is at month {_done}, asked to simulate from {advance.From}");
        var to = Math.Min(advance.To, _months);
        var span = to - advance.From;
        var city = new long[_arms.Length * _runs * span * M];
        var counties = new long[_arms.Length * _runs * span * Counties * Metric.CountyCount];
        Array.Clear(_approved);
        for (var i = advance.From; i < to; i++)
        {
            var ordinal = _startOrdinal + i;
            for (var lane = 0; lane < _arms.Length * _runs; lane++)
            {
                var numerator = i == advance.From && advance.AwardNumerator.Length > lane ? advance.AwardNumerator[lane] : 1;
                var denominator = i == advance.From && advance.AwardDenominator.Length > lane ? advance.AwardDenominator[lane] : 1;
                if (i == to - 1) _approved[lane] = 0;
                Month(lane, ordinal, numerator, denominator, first: i == advance.From);
                Record(lane, i - advance.From, span, city, counties);
            }
            _done = i + 1;
        }
        return new ShardReport(advance.From, to, city, counties, (long[])_approved.Clone(), (long)_firms * _runs * _arms.Length * span);
    }

    private void Month(int lane, int ordinal, long numerator, long denominator, bool first)
    {
        var arm = _arms[lane / _runs];
        var run = lane % _runs;
        PayAwards(lane, arm, ordinal, numerator, denominator, first);

        var push = ordinal >= arm.PushFrom ? arm.Push : 1.0;
        var fund = _fund[lane];
        var response = _b.GrantResponse * fund;
        var most = 1 + response * arm.MaxShare;
        var states = _state.AsSpan(lane * _firms, _firms);
        var keys = _keys.AsSpan(run * _firms, _firms);
        for (var f = 0; f < _firms; f++)
        {
            ref var s = ref states[f];
            double h;
            if (_above[f]) h = s.Projects == 0 ? _b.FirstProject * push : _b.FurtherProject;
            else h = s.Projects == 0 ? BehaviourModel.BelowScaleFirstProject : BehaviourModel.BelowScaleFurtherProject;
            h *= BehaviourModel.SectorFactor[_sector[f]] * BehaviourModel.StatusFactor(s.Status, _b.HaltedFactor) * _norm;
            var u = SimRandom.Uniform(keys[f], ordinal, Purpose.Start);
            // Start iff u < h × (1 + response × the candidate's expected share): most draws are decided without the candidate.
            if (u >= h * most) continue;
            var candidate = Candidate.Draw(keys[f], ordinal, _sector[f], _above[f], _b);
            if (u >= h && u >= h * (1 + response * arm.ExpectedShare(candidate, ordinal, SimRandom.Combine(keys[f], (ulong)ordinal)))) continue;
            StartProject(lane, f, keys[f], ordinal, candidate);
        }

        var projects = _projects[lane];
        var isCall = arm.IsCall(ordinal);
        for (var k = projects.Count - 1; k >= 0; k--)
        {
            ref var p = ref projects[k];
            if (p.Scheduled)
            {
                if (p.Start > ordinal) continue;
                p.Scheduled = false;
                Implement(lane, p.Firm, (ProjectKind)p.Kind, p.Total, Counter(lane, _county[p.Firm]));
                Revive(lane, p.Firm, p.Key, ordinal);
            }
            if (!p.Done) Spend(lane, ref p, ordinal);
            if (isCall) File(lane, arm, ref p, ordinal);
            if (p.Done && (isCall || !arm.HasBatches)) projects.RemoveAt(k);
        }
        if (isCall) FileCertificationRewards(lane, arm, ordinal);
        Review(lane, arm, ordinal);
    }

    private static byte Bit(RewardResult result) => (byte)(1 << (int)result);

    private void StartProject(int lane, int f, ulong key, int ordinal, Candidate c)
    {
        Implement(lane, f, (ProjectKind)c.Kind, c.Total, Counter(lane, _county[f]));
        Revive(lane, f, key, ordinal);
        _projects[lane].Add(new ActiveProject
        {
            Firm = f, Key = SimRandom.Combine(key, (ulong)ordinal), Total = c.Total, Start = ordinal, End = ordinal + c.Months - 1, Kind = c.Kind,
        });
    }

    /// <summary>
    /// A new project invests along an S-curve (cumulative 3x² − 2x³): slow start, peak mid-way, tail at the end, done in its
    /// last month. A project already underway when the simulation starts (registry or live fork) continues the live
    /// trend: at its own recent pace until it is spent (sooner or later than its planned end, as its pace says), or,
    /// without a recent pace, what is left evenly to its planned end — no catch-up to a curve it never followed.
    /// </summary>
    private void Spend(int lane, ref ActiveProject p, int ordinal)
    {
        long amount;
        var paced = p.Even && p.Pace > 0;
        if (paced) amount = Math.Min(p.Total - p.Invested, p.Pace);
        else if (ordinal >= p.End) amount = p.Total - p.Invested;
        else if (p.Even) amount = (p.Total - p.Invested) / (p.End - ordinal + 1);
        else amount = Math.Max(0, Candidate.Cumulative(p.Total, p.Start, p.End, ordinal) - p.Invested);
        p.Invested += amount;
        p.SinceCall += amount;
        var c = Counter(lane, _county[p.Firm]);
        _counters[c + (_above[p.Firm] ? Metric.InvestmentCompleted : Metric.BelowScaleInvestment)] += amount;
        if (paced ? p.Invested >= p.Total : ordinal >= p.End) Complete(lane, ref p, ordinal, c);
    }

    private void Complete(int lane, ref ActiveProject p, int ordinal, int c)
    {
        p.Done = true;
        p.CompletedSinceCall = true;
        ref var s = ref _state[lane * _firms + p.Firm];
        var arm = _arms[lane / _runs];
        _counters[c + Metric.CompletedProjects]++;
        if (_above[p.Firm]) _counters[c + Metric.AboveScaleCompleted]++;
        var u = SimRandom.Uniform(p.Key, ordinal, Purpose.Productivity);
        _counters[c + Metric.ProductivityBp] += (long)Math.Round(BehaviourModel.ProductivityMax * Math.Pow(u, BehaviourModel.ProductivityShape) * 10_000);
        _counters[c + Metric.EmissionsBp] += (long)Math.Round(BehaviourModel.EmissionsMax * SimRandom.Uniform(p.Key, ordinal, Purpose.Emissions) * 10_000);
        _counters[c + Metric.CostBp] += (long)Math.Round(BehaviourModel.CostMax * SimRandom.Uniform(p.Key, ordinal, Purpose.Cost) * 10_000);

        var kind = (ProjectKind)p.Kind;
        var certify = SimRandom.Uniform(p.Key, ordinal, Purpose.Certify);
        if (kind == ProjectKind.Green)
        {
            if (s.GreenLevel < 3 && certify < BehaviourModel.GreenStep[s.GreenLevel] * arm.CertificationFactor(RewardResult.GreenFactory))
            {
                s.GreenLevel++;
                s.Results |= Bit(RewardResult.GreenFactory);
                _counters[c + Metric.Certifications]++;
                _counters[c + Metric.GreenCertifications]++;
            }
        }
        else if (s.SmartLevel < 3)
        {
            var rung = s.SmartLevel switch { 0 => RewardResult.SmartWorkshop, 1 => RewardResult.SmartFactory, _ => RewardResult.SmartManufacturingBenchmark };
            var chance = BehaviourModel.SmartStep[s.SmartLevel] * (kind == ProjectKind.Technical ? BehaviourModel.TechnicalSmartFactor : 1.0)
                * arm.CertificationFactor(rung);
            if (certify < chance)
            {
                s.SmartLevel++;
                // The smart ladder's rungs are the reward results: workshop (city), factory (provincial), benchmark (national).
                s.Results |= Bit(s.SmartLevel switch { 1 => RewardResult.SmartWorkshop, 2 => RewardResult.SmartFactory, _ => RewardResult.SmartManufacturingBenchmark });
                _counters[c + Metric.Certifications]++;
                _counters[c + Metric.SmartCertifications]++;
            }
        }
        if (kind == ProjectKind.Intelligent)
        {
            if (!s.Digital && SimRandom.Uniform(p.Key, ordinal, Purpose.Digital) < BehaviourModel.Digital)
            {
                s.Digital = true;
                _counters[c + Metric.Digital]++;
            }
            if (!s.Cloud && SimRandom.Uniform(p.Key, ordinal, Purpose.Cloud) < BehaviourModel.Cloud)
            {
                s.Cloud = true;
                _counters[c + Metric.Cloud]++;
            }
        }
    }

    /// <summary>
    /// A batch call: a project with investment since the last call may apply as subsidy class; an intelligent project
    /// completed since then may apply for machine-replaces-labour support (the ratio × its eligible equipment investment).
    /// </summary>
    private void File(int lane, ArmRules arm, ref ActiveProject p, int ordinal)
    {
        var subsidy = arm.SubsidyFor(p.SinceCall);
        if (subsidy > 0 && SimRandom.Uniform(p.Key, ordinal, Purpose.ApplySubsidy) < _b.ApplySubsidy)
            p.Granted |= Apply(lane, arm, p.Firm, p.Key, ordinal, 0, subsidy, p.Total, p.Granted, 0);
        if (p.CompletedSinceCall && p.Kind == (byte)ProjectKind.Intelligent
            && arm.MachineReplacesLabourFor(p.Total, p.Equipment) is > 0 and var reward
            && SimRandom.Uniform(p.Key, ordinal, Purpose.ApplyReward) < _b.ApplyReward)
            p.Granted |= Apply(lane, arm, p.Firm, p.Key, ordinal, 1, reward, p.Total, p.Granted, 8);
        p.SinceCall = 0;
        p.CompletedSinceCall = false;
    }

    /// <summary>A batch call: a firm certified since the last call may apply for that certification's reward.</summary>
    private void FileCertificationRewards(int lane, ArmRules arm, int ordinal)
    {
        var states = _state.AsSpan(lane * _firms, _firms);
        var keys = _keys.AsSpan(lane % _runs * _firms, _firms);
        for (var f = 0; f < _firms; f++)
        {
            ref var s = ref states[f];
            if (s.Results == 0) continue;
            foreach (var result in Enum.GetValues<RewardResult>())
            {
                if ((s.Results & Bit(result)) == 0) continue;
                var amount = arm.RewardFor(result);
                if (amount > 0 && SimRandom.Uniform(keys[f], ordinal, Purpose.ApplyReward, 1 + (int)result) < _b.ApplyCertificationReward)
                    Apply(lane, arm, f, keys[f], ordinal, 1, amount, 0, alreadyGranted: true, 16 + 8 * (int)result);
            }
            s.Results = 0;
        }
    }

    /// <summary>Files an application; its stage outcomes are drawn now. Answers whether it will pass every stage.</summary>
    private bool Apply(int lane, ArmRules arm, int firm, ulong key, int ordinal, byte cls, long amount, long projectTotal, bool alreadyGranted, int stream)
    {
        byte passed = 0;
        while (passed < ReviewStages.Count && SimRandom.Uniform(key, ordinal, Purpose.Review, stream + passed) < arm.StagePass[cls]) passed++;
        var awarded = passed == ReviewStages.Count;
        _applications[lane].Add(new Application
        {
            Firm = firm, Call = ordinal, Amount = amount, ProjectTotal = projectTotal, Class = cls, Passed = passed,
            FirstGrant = awarded && !alreadyGranted,
        });
        var c = Counter(lane, _county[firm]);
        _counters[c + (cls == 0 ? Metric.SubsidyApplications : Metric.RewardApplications)]++;
        _counters[c + (cls == 0 ? Metric.SubsidyRequested : Metric.RewardRequested)] += amount;
        return awarded;
    }

    /// <summary>Each stage is decided in its month after the call; at the public notice the approved total is known.</summary>
    private void Review(int lane, ArmRules arm, int ordinal)
    {
        var apps = _applications[lane];
        for (var k = 0; k < apps.Count; k++)
        {
            ref var a = ref apps[k];
            var age = ordinal - a.Call;
            if (age < 1 || age > ReviewStages.NoticeAfter) continue;
            var c = Counter(lane, _county[a.Firm]);
            for (var stage = 0; stage < ReviewStages.Count; stage++)
                if (ReviewStages.MonthAfterCall[stage] == age && a.Passed > stage) _counters[c + Metric.StagePassed + stage]++;
            if (age == ReviewStages.NoticeAfter && a.Passed == ReviewStages.Count) _approved[lane] += a.Amount;
        }
    }

    /// <summary>The month after the notice the awards are paid; a capped fund's come scaled by the coordinator's factor.</summary>
    private void PayAwards(int lane, ArmRules arm, int ordinal, long numerator, long denominator, bool first)
    {
        var apps = _applications[lane];
        for (var k = apps.Count - 1; k >= 0; k--)
        {
            ref var a = ref apps[k];
            var age = ordinal - a.Call;
            if (age < ReviewStages.AwardAfter) continue;
            if (a.Passed == ReviewStages.Count)
            {
                if (arm.Capped && !first) throw new InvalidOperationException("a capped fund's awards must start a segment");
                var paid = arm.Capped ? ArmRules.Scale(a.Amount, numerator, denominator) : a.Amount;
                var c = Counter(lane, _county[a.Firm]);
                _counters[c + (a.Class == 0 ? Metric.SubsidyAwards : Metric.RewardAwards)]++;
                _counters[c + (a.Class == 0 ? Metric.SubsidyAwarded : Metric.RewardAwarded)] += paid;
                _counters[c + Metric.GrantsAwarded] += paid;
                if (a.FirstGrant) _counters[c + Metric.FundedInvestment] += a.ProjectTotal;
            }
            apps.RemoveAt(k);
        }
        if (arm.Capped && first && denominator > 0 && HasAwardsDue(arm, ordinal))
            _fund[lane] = Math.Min(1.0, (double)numerator / denominator);
    }

    private static bool HasAwardsDue(ArmRules arm, int ordinal) => arm.IsCall(ordinal - ReviewStages.AwardAfter);

    private void Record(int lane, int monthInSpan, int span, long[] city, long[] counties)
    {
        var cityBase = (lane * span + monthInSpan) * M;
        for (var c = 0; c < Counties; c++)
        {
            var src = Counter(lane, c);
            for (var m = 0; m < M; m++) city[cityBase + m] += _counters[src + m];
            var dst = ((lane * span + monthInSpan) * Counties + c) * Metric.CountyCount;
            Array.Copy(_counters, src, counties, dst, Metric.CountyCount);
        }
    }
}
