namespace Programme.Web.Hosting.OpenApi;

/// <summary>
/// The published name, summary (zh-CN · en, as the reference page shows them) and description of each operation, keyed
/// by method and route as the routes are mapped. Kept in one place so the API files stay as they are; an operation
/// missing here still gets a derived, stable operationId and summary (<see cref="ContractOperationTransformer"/>), so
/// a new route never leaves the contract without one. Extra statuses are those a route answers beyond the standard set
/// its metadata implies (conflicts, unprocessable files).
/// </summary>
public static class OperationCatalogue
{
    public sealed record Entry(string Id, string Summary, string? Description = null, int[]? Extra = null, int[]? Success = null, string? Body = null, Type? Returns = null);

    /// <summary>The acknowledgement of an enterprise write: { version, changed } (schema in <see cref="ContractDocumentTransformer"/>).</summary>
    public const string Ack = "WriteAck";
    /// <summary>The answer of a create: { id, version }.</summary>
    public const string Created = "CreatedAck";

    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal)
    {
        // Boards
        ["GET api/board/city"] = new("getCityBoard", "市级看板 · The city board",
            "The city programme's live snapshot: coverage, projects, investment against the annual target and calendar progress, the other targets, " +
            "the county league, trend, project database, monthly scheduling. `version` rises with every change; it is the ETag."),
        ["GET api/board/counties/{countyId}"] = new("getCountyBoard", "县（市、区）看板 · A county board",
            "One county's live snapshot, the same figures as the city board for the county's own firms and targets.", Body: "Board"),
        ["GET api/counties"] = new("listCounties", "县（市、区）列表 · The counties", "Every county of the city: id, Chinese and English name."),
        ["GET api/sectors"] = new("listSectors", "行业列表 · The sectors", "The industrial sectors firms are classed in."),
        ["GET api/counties/{countyId}/enterprises"] = new("listCountyEnterprises", "县域企业列表 · A county's enterprises",
            "A page of the county's firms, sortable and filterable (search, above scale, covered, sector, status)."),
        // Enterprises
        ["GET api/enterprises/{id}"] = new("getEnterprise", "企业详情 · An enterprise",
            "The firm with its projects, milestones, certifications, grants (with batch names) and its 32 most recent changes. Its ETag is the version to send as If-Match.", Returns: typeof(Programme.Domain.Enterprise)),
        ["PUT api/enterprises/{id}"] = new("upsertEnterprise", "登记或更新企业 · Register or update an enterprise",
            "Creates the firm (201) or updates its registration (200). County agents only in their own county.", Success: [200, 201], Body: Created),
        ["GET api/enterprises/{id}/history"] = new("getEnterpriseHistory", "企业变更留痕 · An enterprise's full history",
            "Every change to the firm: who, when, through which channel, each field before and after."),
        ["POST api/enterprises/{id}/projects"] = new("addProject", "新增改造项目 · Add a project", "Adds a project to the firm; 201 with the new project's id.", Success: [201], Body: Created),
        ["PUT api/enterprises/{id}/projects/{projectId}/progress/{month}"] = new("reportProgress", "报送月度进展 · Report a month's progress",
            "The monthly report of one project (月调度): investment made in the month (yuan), 形象进度 in words and per cent, problems, 纳统.", Body: Ack),
        ["PUT api/enterprises/{id}/projects/{projectId}/status"] = new("setProjectStatus", "更新项目状态 · Set a project's status",
            "planned, underway, completed or cancelled.", Body: Ack),
        ["PUT api/enterprises/{id}/cloud"] = new("setCloudMonth", "登记上云 · Record the month the firm went onto the cloud", Body: Ack),
        ["DELETE api/enterprises/{id}/cloud"] = new("clearCloudMonth", "撤销上云登记 · Clear the cloud month", Body: Ack),
        ["PUT api/enterprises/{id}/digital"] = new("setDigitalMonth", "登记数字化转型 · Record the month of the digital transformation", Body: Ack),
        ["DELETE api/enterprises/{id}/digital"] = new("clearDigitalMonth", "撤销数字化转型登记 · Clear the digital-transformation month", Body: Ack),
        ["POST api/enterprises/{id}/certifications"] = new("addCertification", "登记认定 · Record a certification",
            "A smart factory / workshop or green factory certification at a level, in a month.", Body: Ack),
        // Project database
        ["GET api/planning-batches"] = new("listPlanningBatches", "谋划批次 · The planning batches", "The reply's planning batches: declared and held figures by kind."),
        ["GET api/projects"] = new("listProjects", "项目库 · The project database",
            "Projects filtered by county, planning batch, kind, status, database stage and key flag; `format=csv|xlsx` exports the same rows."),
        ["GET api/counties/{countyId}/schedule"] = new("getCountySchedule", "月调度完成情况 · A county's monthly scheduling",
            "Which underway projects have reported the month, the due date and whether it has passed."),
        ["POST api/enterprises/{id}/projects/{projectId}/entry"] = new("reviewProjectEntry", "入库审核 · Review a project's entry",
            "The county's and then the city's review that moves a planned project into the database.", Body: Ack),
        ["POST api/enterprises/{id}/projects/{projectId}/exit"] = new("exitProject", "出库 · Take a project out of the database", "Cancelled, or merged into another project.", Body: Ack),
        ["PUT api/enterprises/{id}/projects/{projectId}/key"] = new("setKeyProject", "重点项目标记 · Mark or unmark a key project", Body: Ack),
        // Sign-in and users
        ["POST api/auth/login"] = new("signIn", "登录 · Sign in", "Signs a person in with a cookie session. 20 tries a minute per address; an account locks after repeated wrong passwords."),
        ["POST api/auth/logout"] = new("signOut", "退出 · Sign out", Success: [204]),
        ["GET api/auth/session"] = new("getSession", "当前会话 · The current session", "Who is signed in (if anyone) and the CSRF token cookie-authenticated writes send in X-CSRF-TOKEN."),
        ["POST api/auth/token"] = new("issueToken", "签发接口令牌 · Get an API token", "A JWT for the signed-in account, for scripts (Authorization: Bearer)."),
        ["GET api/users"] = new("listUsers", "用户列表 · The accounts"),
        ["POST api/users"] = new("createUser", "新建用户 · Create an account", Extra: [409], Success: [201]),
        ["POST api/users/{userName}/disable"] = new("disableUser", "停用用户 · Disable an account", "Its sessions and tokens stop working at once.", Success: [204]),
        ["POST api/users/{userName}/enable"] = new("enableUser", "启用用户 · Enable an account", Success: [204]),
        ["POST api/users/{userName}/password"] = new("resetPassword", "重置密码 · Reset an account's password", "Revokes the account's earlier sessions and tokens.", Success: [204]),
        // Monthly report import and county data
        ["GET api/imports/template"] = new("getImportTemplate", "月报模板 · The monthly report template", "Pre-filled with what is already reported (xlsx, or csv)."),
        ["POST api/imports"] = new("uploadImport", "上传月报 · Upload a monthly report", "multipart/form-data, field `file` (.xlsx or .csv, up to 10 MiB): 201 with the preview old → new.", Success: [201]),
        ["GET api/imports/{id}"] = new("getImport", "导入预览 · An import's preview or result"),
        ["POST api/imports/{id}/apply"] = new("applyImport", "应用导入 · Apply an import",
            "Applies the previewed changes (optionally only the listed rows). 422 when the file had errors, 409 when nothing could be applied.", Extra: [409, 422]),
        ["GET api/counties/{countyId}/export"] = new("exportCounty", "导出县域企业 · Export a county's firms", "In the template's columns (万元): edited and uploaded, it changes exactly what was edited."),
        ["GET api/counties/{countyId}/history"] = new("getCountyHistory", "县域变更留痕 · A county's recent changes", "JSON, or `format=csv|xlsx`."),
        // Funding batches
        ["GET api/batches"] = new("listBatches", "专项资金批次 · The funding batches"),
        ["POST api/batches"] = new("createBatch", "新建批次 · Open a funding batch", Extra: [409]),
        ["GET api/batches/{batchId}"] = new("getBatch", "批次看板 · A funding batch's board"),
        ["PUT api/batches/{batchId}/budget"] = new("setBatchBudget", "设置资金上限 · Set a batch's budget"),
        ["POST api/batches/{batchId}/close"] = new("closeBatch", "截止申报 · Stop taking applications"),
        ["GET api/batches/{batchId}/applications"] = new("listApplications", "申报列表 · A batch's applications"),
        ["POST api/batches/{batchId}/applications"] = new("applyForGrant", "申报项目 · Apply for a grant"),
        ["GET api/batches/{batchId}/applications/{applicationId}"] = new("getApplication", "申报详情 · An application"),
        ["POST api/batches/{batchId}/applications/{applicationId}/decisions"] = new("decideApplication", "审核决定 · Decide an application at its stage"),
        ["POST api/batches/{batchId}/applications/{applicationId}/resubmission"] = new("resubmitApplication", "重新提交 · Resubmit a returned application"),
        ["POST api/batches/{batchId}/applications/{applicationId}/objections"] = new("raiseObjection", "公示异议 · Record an objection"),
        ["POST api/batches/{batchId}/applications/{applicationId}/disbursements"] = new("disburse", "拨付资金 · Pay (part of) an award"),
        ["POST api/batches/{batchId}/notice"] = new("publishNotice", "发布公示 · Publish the public notice"),
        ["GET api/batches/{batchId}/notice"] = new("getNotice", "公示名单 · The public-notice list"),
        ["POST api/batches/{batchId}/awards"] = new("awardApplications", "下达奖补 · Award applications"),
        ["GET api/batches/{batchId}/notice.csv"] = new("getNoticeCsv", "公示名单（CSV）· The public-notice list as CSV"),
        ["GET api/batches/{batchId}/notice.xlsx"] = new("getNoticeXlsx", "公示名单（Excel）· The public-notice list as a workbook"),
        // Scenarios and analyses
        ["POST api/scenarios"] = new("startScenario", "启动情景推演 · Start a scenario", Success: [201]),
        ["GET api/scenarios"] = new("listScenarios", "情景列表 · The scenarios"),
        ["GET api/scenarios/{id}"] = new("getScenario", "情景详情 · A scenario"),
        ["POST api/scenarios/{id}/pause"] = new("pauseScenario", "暂停情景 · Pause a scenario"),
        ["POST api/scenarios/{id}/resume"] = new("resumeScenario", "继续情景 · Resume a scenario"),
        ["POST api/scenarios/{id}/step"] = new("stepScenario", "单步推进 · Step a scenario by months"),
        ["PUT api/scenarios/{id}/pace"] = new("setScenarioPace", "设置推进速度 · Set a scenario's pace"),
        ["DELETE api/scenarios/{id}"] = new("deleteScenario", "删除情景 · Delete a scenario", Success: [204]),
        ["POST api/analyses"] = new("startAnalysis", "启动敏感性分析 · Start an analysis", Success: [200, 202]),
        ["GET api/analyses/{id}"] = new("getAnalysis", "分析结果 · An analysis"),
    };

    public static Entry? Find(string method, string route) => Entries.GetValueOrDefault($"{method} {route}");

    /// <summary>The tags and what each covers (a new route's tag without one here gets a generic description).</summary>
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Boards"] = "看板 · Live snapshots of the city and each county, and the reference lists. Open to read; conditional reads (ETag, If-None-Match, HEAD) for pollers.",
        ["Enterprises"] = "企业 · One firm's record: registration, projects, monthly progress, milestones. Writes need a token; county agents only in their own county; If-Match guards lost updates.",
        ["Project database"] = "项目库 · The project database and monthly scheduling (月调度): planning batches, projects, entry and exit reviews, key projects.",
        ["Sign-in"] = "登录 · Cookie sessions for people, their CSRF token, and API tokens (JWT) for scripts.",
        ["Users"] = "用户 · Account administration, for city staff.",
        ["Monthly report import"] = "月报导入 · The pre-filled monthly report template, upload with a preview, and applying the confirmed rows.",
        ["County data"] = "县域数据 · A county's export and audit trail.",
        ["Funding batches"] = "专项资金 · Funding batches: applications through the county and city reviews, public notice, awards and payments. Every write may carry an Idempotency-Key.",
        ["Scenarios"] = "情景推演 · Simulation scenarios and sensitivity analyses (docs/SIMULATION.md).",
    };
}
