using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Safety;

/// <summary>
/// A client that timed out sends its payment again with the same Idempotency-Key (or tranche id): it is paid once, the
/// answer is the first one; the same key with another amount is 409; concurrent payments never exceed the award.
/// Against the real app with the 2022-1 batch, whose awards wait to be paid.
/// </summary>
public sealed class IdempotentMoneyTests(AppProcess app) : IClassFixture<AppProcess>
{
    private const string Batch = "2022-1";
    private static readonly string City = AppProcess.Token("city", name: "city-treasurer");
    private static int _next;

    /// <summary>A different awarded, still unpaid application of 2022-1 for each test.</summary>
    private async Task<(int Id, decimal Awarded)> UnpaidAward()
    {
        var page = await app.Http().GetFromJsonAsync<JsonElement>($"/api/batches/{Batch}/applications?stage=disbursement&status=awarded&take=100");
        var unpaid = page.GetProperty("items").EnumerateArray()
            .Where(a => a.GetProperty("disbursed").GetDecimal() == 0 && a.GetProperty("awarded").GetDecimal() >= 100_000m)
            .OrderBy(a => a.GetProperty("id").GetInt32()).ToList();
        var pick = unpaid[Interlocked.Increment(ref _next) % unpaid.Count];
        return (pick.GetProperty("id").GetInt32(), pick.GetProperty("awarded").GetDecimal());
    }

    private async Task<decimal> Disbursed(int id) =>
        (await app.Http().GetFromJsonAsync<JsonElement>($"/api/batches/{Batch}/applications/{id}")).GetProperty("disbursed").GetDecimal();

    private Task<HttpResponseMessage> Pay(int id, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/batches/{Batch}/applications/{id}/disbursements") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return app.Http(City).SendAsync(request);
    }

    [Fact]
    public async Task The_same_payment_twice_with_one_key_pays_once_and_answers_the_first_result()
    {
        var (id, _) = await UnpaidAward();
        var key = Guid.NewGuid().ToString();
        var first = await Pay(id, new { amount = 10_000m, note = "首期拨付" }, key);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstBody = await first.Content.ReadAsStringAsync();
        var again = await Pay(id, new { amount = 10_000m, note = "首期拨付" }, key);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync());
        Assert.Equal(10_000m, await Disbursed(id));

        // Ten more retries at once, as an impatient client might: still one payment.
        var retries = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Pay(id, new { amount = 10_000m, note = "首期拨付" }, key)));
        Assert.All(retries, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(10_000m, await Disbursed(id));
        // And a new key sent ten times at once, before any answer came back: one payment.
        var fresh = Guid.NewGuid().ToString();
        var racing = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Pay(id, new { amount = 5_000m, note = "二期" }, fresh)));
        Assert.All(racing, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(15_000m, await Disbursed(id));

        // The same key with a different amount is a conflict and pays nothing.
        var changed = await Pay(id, new { amount = 20_000m, note = "首期拨付" }, key);
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType!.MediaType);
        Assert.True((await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Equal(15_000m, await Disbursed(id));

        // A new key is a new payment; without any key every request pays (the API's old behaviour, for scripts that check themselves).
        Assert.Equal(HttpStatusCode.OK, (await Pay(id, new { amount = 10_000m }, Guid.NewGuid().ToString())).StatusCode);
        Assert.Equal(25_000m, await Disbursed(id));
        var history = await app.Http().GetFromJsonAsync<JsonElement>($"/api/batches/{Batch}/applications/{id}");
        Assert.Equal(3, history.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("action").GetString() == "disbursed"));

        // A key that is not a key is refused before anything is paid.
        var bad = await Pay(id, new { amount = 10_000m }, new string('k', 300));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(25_000m, await Disbursed(id));
    }

    [Fact]
    public async Task A_tranche_id_in_the_body_is_paid_once()
    {
        var (id, _) = await UnpaidAward();
        var tranche = $"{Batch}-{id}-第1期";
        foreach (var _ in Enumerable.Range(0, 3))
            Assert.Equal(HttpStatusCode.OK, (await Pay(id, new { amount = 30_000m, note = "首期拨付", trancheId = tranche }, null)).StatusCode);
        Assert.Equal(30_000m, await Disbursed(id));
        Assert.Equal(HttpStatusCode.Conflict, (await Pay(id, new { amount = 35_000m, trancheId = tranche }, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Pay(id, new { amount = 30_000m, trancheId = $"{Batch}-{id}-第2期" }, null)).StatusCode);
        Assert.Equal(60_000m, await Disbursed(id));
    }

    [Fact]
    public async Task Forty_concurrent_payments_never_exceed_the_award()
    {
        var (id, awarded) = await UnpaidAward();
        var tranche = decimal.Floor(awarded / 25m * 100m) / 100m;
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Pay(id, new { amount = tranche, note = $"第{i + 1}期" }, Guid.NewGuid().ToString())));
        var paid = answers.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(answers, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"{r.StatusCode}"));
        Assert.Equal(25, paid);
        Assert.Equal(tranche * 25, await Disbursed(id));
        Assert.True(await Disbursed(id) <= awarded);
    }

    [Fact]
    public async Task The_api_reference_documents_the_idempotency_key_on_payments_and_awards()
    {
        var doc = await app.Http().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        foreach (var path in new[] { "/api/batches/{batchId}/applications/{applicationId}/disbursements", "/api/batches/{batchId}/awards" })
        {
            var post = doc.GetProperty("paths").GetProperty(path).GetProperty("post");
            Assert.Contains(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
            Assert.True(post.GetProperty("responses").TryGetProperty("409", out _), path);
        }
    }
}
