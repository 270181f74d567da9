namespace Programme.Web.Api.Batches;

/// <summary>
/// One line of the public-notice list (公示名单) in the layout such notices use: 序号, 县（市、区）, 企业名称, 项目名称, 类别,
/// 总投资, 区间完成投资, 拟支持金额, 备注. Yuan here, as everywhere in the API; the exports print 万元, as notices do.
/// </summary>
public sealed record NoticeRow(
    int No, int ApplicationId, string County, string Enterprise, string Project, string Class,
    decimal TotalInvestment, decimal? CompletedInWindow, decimal Proposed, string Remark);
