namespace Programme.Domain;

/// <summary>
/// Where a project stands in the project database (项目库): proposed by the firm and its county (谋划申报), reviewed by the
/// county (县级审核), entered after the city's review (入库), or left the database when cancelled or merged (出库). Projects
/// held before the database kept these stages count as entered.
/// </summary>
public enum ProjectEntry { Entered, Proposed, CountyReviewed, Exited }
