namespace Programme.Grants;

/// <summary>
/// The review pipeline of a funding batch (资金申报评审流程) as the city's notice describes it, in order. The first two are
/// the county's (县工信、财政部门); the rest are the city's.
/// </summary>
public enum ReviewStage
{
    /// <summary>县级现场核查和资料审查: the county's on-site check and document review.</summary>
    CountyCheck,
    /// <summary>县级联合推荐: the county's IT and finance bureaus jointly recommend.</summary>
    CountyRecommendation,
    /// <summary>设备核查: equipment verification.</summary>
    EquipmentVerification,
    /// <summary>专家现场复核: experts re-check on site.</summary>
    ExpertRecheck,
    /// <summary>专家评审: the expert panel scores and recommends; a recommendation commits money against the budget.</summary>
    ExpertPanel,
    /// <summary>第三方专项审计: a third-party special audit fixes the amount.</summary>
    SpecialAudit,
    /// <summary>公示: the proposed awards are published; objections may be raised until the window closes.</summary>
    PublicNotice,
    /// <summary>下达: the award is made and recorded against the firm.</summary>
    Award,
    /// <summary>拨付: the money is paid, in one or more instalments.</summary>
    Disbursement,
}
