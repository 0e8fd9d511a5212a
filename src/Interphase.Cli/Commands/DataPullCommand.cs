using Interphase.Chemistry;
using System.CommandLine;
using Interphase.Data;
using Interphase.Data.Online;
using Spectre.Console;

namespace Interphase.Cli.Commands;

/// <summary><c>interphase data pull</c>: fills the store from the Materials Project, OQMD or an OPTIMADE provider.</summary>
internal static class DataPullCommand
{
    public static Command Create()
    {
        var chemsys = new Option<string?>("--chemsys") { Description = "Chemical system, e.g. Li-P-S-Cl (all its sub-systems are pulled too)" };
        var all = new Option<bool>("--all")
        {
            Description = "mp: every entry of the Materials Project instead of one system (about 150,000 entries in some 160 requests): " +
                          "what a screen needs, every Li compound with the Li-free phases that close their hulls",
        };
        var source = new Option<string>("--source")
        {
            Description = "oqmd (no key needed), optimade:BASE_URL (any OPTIMADE provider, no key needed), or mp (Materials Project; key in MP_API_KEY)",
            Required = true,
        };
        var field = new Option<string?>("--field")
        {
            Description = "Energy field: mp formation_energy_per_atom (default) | energy_per_atom | uncorrected_energy_per_atom; " +
                          "oqmd delta_e (default); optimade the provider's formation-energy property, e.g. _oqmd_delta_e",
        };
        var url = new Option<string?>("--url")
        {
            Description = $"Base URL for mp or oqmd (default ${MaterialsProjectClient.UrlVariable} / ${OqmdClient.UrlVariable}, else the public service)",
        };
        var thermoType = new Option<string>("--thermo-type")
        {
            Description = "Materials Project thermo type: GGA_GGA+U, R2SCAN or GGA_GGA+U_R2SCAN",
            DefaultValueFactory = _ => "GGA_GGA+U",
        };
        var noProperties = new Option<bool>("--no-properties")
        {
            Description = "mp: fetch only the energies, not the band gaps, densities (summary) and elastic moduli (elasticity) fetched by default",
        };
        var store = EntrySourceCliOptions.StoreOption();
        var json = CliOutput.JsonOption();
        var cmd = new Command("pull", "Download the entries of a chemical system into the store, with Materials Project band gaps, densities and elastic moduli (written in one transaction after all pages arrive)")
        {
            chemsys, all, source, field, url, thermoType, noProperties, store, json,
        };
        cmd.SetAction(p => CliOutput.RunCancellable(cancel =>
        {
            bool everything = p.GetValue(all);
            if (everything == p.GetValue(chemsys) is not null)
                throw new InterphaseException(everything ? "give either --chemsys or --all, not both" : "give --chemsys SYSTEM (e.g. Li-P-S-Cl) or, for the Materials Project, --all");
            var system = everything ? null : ChemicalSystem.Parse(p.GetValue(chemsys)!).Elements;
            var provider = EntryProviders.Create(p.GetValue(source)!, p.GetValue(field), p.GetValue(url), p.GetValue(thermoType)!, !p.GetValue(noProperties));
            if (everything && provider is not MaterialsProjectClient)
                throw new InterphaseException($"--all pulls the whole Materials Project; for {provider.SourceName} pull one system at a time with --chemsys");
            string label = system is null ? "every material" : ChemicalSystem.Of(system).ToString();
            Task<ImportSummary> Pull(EntryStore s, IProgress<PullProgress>? progress) => system is null
                ? WholeDatabasePuller.PullAsync((MaterialsProjectClient)provider, s, progress, cancel)
                : EntryPuller.PullAsync(provider, s, system, progress, cancel);
            return EntryStore.Write(StoreLocation.Resolve(p.GetValue(store)), s =>
            {
            ImportSummary summary;
            bool quiet = p.GetValue(json) || Console.IsOutputRedirected;
            if (quiet)
            {
                using var notices = PullNotices.Listen(n => Console.Error.WriteLine("note: " + n));
                summary = Pull(s, null).GetAwaiter().GetResult();
            }
            else
            {
                summary = null!;
                CliOutput.Terminal.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask($"{provider.SourceName} {Markup.Escape(label)}");
                        task.IsIndeterminate = true;
                        var progress = new SyncProgress(pp =>
                        {
                            task.Description = $"{Markup.Escape(pp.Description)}: {pp.Entries} entries, {pp.Requests} requests";
                            if (pp.ExpectedEntries is { } n && n > 0)
                            {
                                task.IsIndeterminate = false;
                                task.MaxValue = n;
                                task.Value = Math.Min(pp.Entries, n);
                            }
                        });
                        // A wait shows in the bar's description until the next page arrives.
                        using var notices = PullNotices.Listen(n => task.Description = Markup.Escape(n));
                        summary = Pull(s, progress).GetAwaiter().GetResult();
                        task.IsIndeterminate = false;
                        task.Value = task.MaxValue;
                    });
            }
            if (p.GetValue(json))
                CliOutput.WriteJson(new PullReport(s.Path, summary.Source, provider.BaseUrl, system is null ? null : ChemicalSystem.Of(system).ToString(), summary.Added, summary.Replaced, summary.Properties));
            else
                CliOutput.Terminal.MarkupLine(
                    $"Pulled [bold]{summary.Added}[/] entries for {Markup.Escape(label)} as source [bold]{Markup.Escape(summary.Source)}[/]" +
                    (summary.Replaced > 0 ? $" (replacing {summary.Replaced})" : "") +
                    (summary.Properties > 0 ? $", with {summary.Properties} property values" : "") + $" into {Markup.Escape(s.Path)}");
            return 0;
            });
        }));
        return cmd;
    }

    // Progress<T> posts to the thread pool; the bar is updated in place instead.
    private sealed class SyncProgress(Action<PullProgress> report) : IProgress<PullProgress>
    {
        public void Report(PullProgress value) => report(value);
    }
}
