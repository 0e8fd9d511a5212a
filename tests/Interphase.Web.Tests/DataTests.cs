using System.Net;
using System.Text;
using System.Text.Json;
using Interphase.Data;

namespace Interphase.Web.Tests;

/// <summary>Imports through the API: all or nothing, concurrent imports leave a consistent store, uploads touch no user path.</summary>
public sealed class DataTests : IDisposable
{
    private readonly WebAppFactory _app = new();
    private readonly HttpClient _http;

    public DataTests() => _http = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    private async Task<HttpResponseMessage> Import(string name, string text, string source)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name);
        return await _http.PostAsync($"/api/data/import?source={source}", form);
    }

    private static string Csv(int n, int offset) => "formula,e_form_per_atom\n" + string.Join("\n",
        Enumerable.Range(0, n).Select(i => $"Li{i + 1 + offset}O,{-0.5 - 0.001 * i}"));

    [Fact]
    public async Task Concurrent_imports_are_each_all_or_nothing()
    {
        var tasks = Enumerable.Range(0, 6).Select(i => Import($"f{i}.csv", Csv(200, i * 1000), $"src{i}")).ToList();
        tasks.Add(Import("bad.csv", Csv(50, 9000) + "\nLi2O,not-a-number\n", "bad"));
        var answers = await Task.WhenAll(tasks);
        for (int i = 0; i < 6; i++) Assert.True(answers[i].IsSuccessStatusCode, await answers[i].Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, answers[6].StatusCode);
        Assert.StartsWith("{\"error\":", await answers[6].Content.ReadAsStringAsync());

        using var store = EntryStore.OpenExisting(_app.StorePath);
        var sources = store.Sources().ToDictionary(s => s.Name, s => s.Entries);
        Assert.Equal(6, sources.Count);               // the bad file added nothing
        Assert.All(sources.Values, n => Assert.Equal(200, n));
        var stats = JsonDocument.Parse(await _http.GetStringAsync("/api/data/stats")).RootElement;
        Assert.Equal(1200, stats.GetProperty("entries").GetInt32());
    }

    [Fact]
    public async Task Upload_names_never_become_paths()
    {
        string outside = Path.Combine(Path.GetTempPath(), "interphase-should-not-exist.csv");
        File.Delete(outside);
        var r = await Import("../../../../" + outside, Csv(3, 0), "evil");
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        Assert.False(File.Exists(outside));
    }
}
