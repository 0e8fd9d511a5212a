using Interphase.Cell;
using Interphase.Chemistry;
using Interphase.Impedance;
using Interphase.Knowledge;
using Interphase.Screening;
using Interphase.Stacks;
using Interphase.Thermodynamics;
using Interphase.Web.Services;

namespace Interphase.Web.Api;

/// <summary>
/// The JSON API under <c>/api</c>: each endpoint calls the same library code as the CLI command of the same name and
/// returns the same JSON as that command's <c>--json</c>. Errors answer 400 with <c>{"error": "…"}</c>.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>Maps every endpoint.</summary>
    public static void MapInterphaseApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Interphase");

        api.MapGet("/hull", async (string formula, EngineProvider engines) =>
        {
            var c = Interphase.Knowledge.CompositionResolver.Resolve(formula);
            return Results.Json(ThermoJson.Hull((await engines.GetAsync()).Stability(c)));
        }).WithSummary("Formation energy, energy above hull and decomposition (as `interphase hull --json`)");

        api.MapGet("/window", async (string formula, string? open, EngineProvider engines) =>
        {
            var c = Interphase.Knowledge.CompositionResolver.Resolve(formula);
            var engine = await engines.GetAsync();
            var w = engine.Window(c, PeriodicTable.Get(open ?? "Li"));
            return Results.Json(ThermoJson.Window(w, WindowBasis.Of(engine, c, w)));
        }).WithSummary("Stability window and full profile against an open element (as `interphase window --json`)");

        api.MapGet("/react", async (string a, string b, double? volts, string? open, bool? entryEnergy, EngineProvider engines) =>
        {
            var options = new ReactionOptions(volts, PeriodicTable.Get(open ?? "Li"), entryEnergy != true);
            var r = (await engines.GetAsync()).React(Interphase.Knowledge.CompositionResolver.Resolve(a), Interphase.Knowledge.CompositionResolver.Resolve(b), options);
            return Results.Json(ThermoJson.Reaction(a, b, r));
        }).WithSummary("Pseudo-binary interface reaction, closed or open to Li at `volts` (as `interphase react --json`)");

        api.MapGet("/props", (string formula, StoreService store) =>
        {
            var source = Interphase.Properties.PropertySources.Default(store.Path);
            try { return Results.Json(Interphase.Properties.PropertyReport.For(formula, source)); }
            finally { (source as IDisposable)?.Dispose(); }
        }).WithSummary("Every stored material property of a compound with sources (as `interphase props --json`)");

        api.MapPost("/analyze", async (HttpRequest request, bool? recommendations, EngineProvider engines, KnowledgeBase kb, CancellationToken cancel) =>
        {
            var stack = StackReader.Read(await ReadText(request, cancel), "stack");
            var engine = await engines.GetAsync();
            var analysis = await Task.Run(() => new StackAnalyzer(engine, kb, recommendations == false ? null : RemedyFinders.Default(engine)).Analyze(stack, null, cancel), cancel);
            return Results.Json(StackJson.From(analysis));
        }).Accepts<string>("application/yaml", "text/plain")
          .WithSummary("Whole-stack analysis of a stack YAML body (as `interphase analyze --json`)");

        api.MapPost("/screen", async (Interphase.Screening.ScreeningRequest body, EngineProvider engines, CancellationToken cancel) =>
        {
            var options = body.ToOptions();
            var engine = await engines.GetAsync();
            var result = await Task.Run(() => new CoatingScreener(engine).Run(options, null, cancel), cancel);
            return Results.Json(ScreeningExport.JsonModel(result, body.Top ?? 30));
        }).WithSummary("Rank coating / interlayer candidates (as `interphase screen --json`)");

        api.MapPost("/cell/energy", async (HttpRequest request, CancellationToken cancel) =>
            Results.Json(CellEnergyModel.Evaluate(CellFile.Parse(await ReadText(request, cancel), "cell"))))
            .Accepts<string>("application/yaml", "text/plain")
            .WithSummary("Energy density of a cell YAML body (as `interphase cell energy --json`)");

        api.MapPost("/eis/fit", async (IFormFile file, string circuit, string? initial, string? constant, double? area, double? thickness, bool? symmetric, string? weighting, CancellationToken cancel) =>
        {
            var s = await ReadSpectrum(file, cancel);
            var c = Circuit.Parse(circuit);
            var fit = CircuitFitter.Fit(c, s, ImpedanceViews.Options(c, initial, constant, weighting));
            var report = FitInterpretation.Analyse(fit, area, thickness, symmetric == true);
            return Results.Json(ImpedanceJson.Fit(s, fit, report, area is not null));
        }).DisableAntiforgery()
          .WithSummary("Fit an equivalent circuit to an uploaded spectrum (as `interphase eis fit --json`)");

        api.MapPost("/eis/validate", async (IFormFile file, double? mu, CancellationToken cancel) =>
        {
            var s = await ReadSpectrum(file, cancel);
            var kk = KramersKronig.Test(s, mu ?? 0.85);
            return Results.Json(ImpedanceJson.Validate(s, kk));
        }).DisableAntiforgery()
          .WithSummary("Linear Kramers–Kronig test of an uploaded spectrum (as `interphase eis validate --json`)");

        api.MapPost("/eis/drt", async (IFormFile file, double? lambda, CancellationToken cancel) =>
        {
            var s = await ReadSpectrum(file, cancel);
            return Results.Json(ImpedanceJson.Drt(s, Interphase.Impedance.Drt.Compute(s, lambda, LambdaSelection.Gcv)));
        }).DisableAntiforgery()
          .WithSummary("Distribution of relaxation times of an uploaded spectrum (as `interphase eis drt --json`)");

        api.MapGet("/kb/search", (string q, KnowledgeBase kb) => Results.Json(kb.Search(q)))
            .WithSummary("Search the knowledge base (as `interphase kb search --json`)");

        api.MapGet("/data/stats", (StoreService store) => store.Stats() is { } st ? Results.Json(st)
                : Results.Json(new { error = $"no entry store at {store.Path} yet: import a file or pull a system" }, statusCode: 404))
            .WithSummary("Entry store statistics (as `interphase data stats --json`)");

        api.MapPost("/data/import", async (IFormFile file, string? source, string? field, StoreService store, CancellationToken cancel) =>
        {
            await using var content = file.OpenReadStream();
            var summary = await store.ImportAsync(content, file.FileName, source, field ?? Interphase.Data.MaterialsProjectJson.FormationField, cancel);
            return Results.Json(new { store = store.Path, summary.Source, summary.Added, summary.Replaced, seconds = summary.Elapsed.TotalSeconds });
        }).DisableAntiforgery()
          .WithSummary("Import an uploaded entry file into the store, all or nothing (as `interphase data import --json`)");
    }

    /// <summary>Largest text body accepted (YAML inputs).</summary>
    private const int MaxTextChars = 1 << 20;

    private static async Task<string> ReadText(HttpRequest request, CancellationToken cancel)
    {
        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxTextChars + 1];
        int n = await reader.ReadBlockAsync(buffer.AsMemory(), cancel);
        if (n > MaxTextChars) throw new InterphaseException($"the request body is over {MaxTextChars} characters");
        if (n == 0) throw new InterphaseException("the request body is empty: send the YAML text");
        return new string(buffer, 0, n);
    }

    private static async Task<ImpedanceSpectrum> ReadSpectrum(IFormFile file, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancel);
        var s = SpectrumReader.Read(buffer.ToArray(), Path.GetFileName(file.FileName));
        s = s.DropInductive();
        s.EnsureUsable();
        return s;
    }
}
