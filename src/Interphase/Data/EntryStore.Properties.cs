using System.Diagnostics;
using Interphase.Chemistry;
using Interphase.Properties;
using Microsoft.Data.Sqlite;

namespace Interphase.Data;

// The property table: material properties (band gaps, moduli, refractive indices, densities) per compound and
// polymorph, under the same sources as the entries, so a Materials Project pull keeps both with one provenance.
public sealed partial class EntryStore
{
    private void CreatePropertySchema(SqliteTransaction tx) => Exec(_db, """
        CREATE TABLE IF NOT EXISTS properties (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            source_entry_id TEXT,
            line INTEGER,
            formula TEXT NOT NULL,
            reduced_formula TEXT NOT NULL,
            chemsys TEXT NOT NULL,
            property TEXT NOT NULL,
            value REAL NOT NULL,
            method TEXT);
        CREATE INDEX IF NOT EXISTS ix_properties_formula ON properties(reduced_formula, property);
        """, tx);

    /// <summary>
    /// Replaces the values of <paramref name="properties"/> held by source <paramref name="source"/> with
    /// <paramref name="records"/>, in one transaction (the records' own source names are ignored; other properties of
    /// the source, and its entries, are kept). If enumerating the records throws, or there are none, nothing is written.
    /// </summary>
    /// <param name="records">Values to write (enumerated once, inside the transaction).</param>
    /// <param name="source">Source name.</param>
    /// <param name="properties">The properties being replaced (normally the one a file holds).</param>
    /// <param name="origin">Where they came from (file path, URL).</param>
    /// <exception cref="InterphaseException">No values, or a value outside <paramref name="properties"/>.</exception>
    public ImportSummary ImportProperties(IEnumerable<PropertyRecord> records, string source, IReadOnlyCollection<MaterialProperty> properties, string? origin = null)
    {
        ValidateSourceName(source);
        var sw = Stopwatch.StartNew();
        using var tx = _db.BeginTransaction();
        try
        {
            long sourceId = UpsertSource(source, origin, tx);
            int replaced = 0;
            foreach (var p in properties)
                replaced += Exec(_db, "DELETE FROM properties WHERE source_id = $s AND property = $p", tx, ("$s", sourceId), ("$p", MaterialProperties.Name(p)));
            var allowed = properties.ToHashSet();
            int added = InsertProperties(records, sourceId, tx, r => allowed.Contains(r.Property)
                ? null : $"value of {MaterialProperties.Name(r.Property)} for {r.Formula} is not one of the properties imported");
            if (added == 0)
                throw new InterphaseException($"nothing to import into source '{source}'{(origin is null ? "" : $" from {origin}")}: no values (the store is unchanged)");
            DropIfEmpty(sourceId, tx);
            tx.Commit();
            return new ImportSummary(source, added, replaced, sw.Elapsed);
        }
        catch
        {
            tx.Rollback();
            throw;
        }
    }

    /// <summary>
    /// Like <see cref="ReplaceSubsystems(IEnumerable{Entry}, string, IReadOnlyCollection{string}, string?)"/>, and in the
    /// same transaction replaces the source's property values of compounds in those systems with
    /// <paramref name="properties"/> (used by pulls that fetch band gaps, densities and moduli with the energies).
    /// </summary>
    public ImportSummary ReplaceSubsystems(IEnumerable<Entry> entries, IEnumerable<PropertyRecord> properties, string source,
        IReadOnlyCollection<string> subsystemKeys, string? origin = null) =>
        Write(entries, source, origin, subsystemKeys, properties);

    /// <summary>
    /// Replaces every entry of <paramref name="source"/> and, when <paramref name="properties"/> is given, every property
    /// value of that source, in one transaction (used by a pull of a whole database).
    /// </summary>
    public ImportSummary ReplaceSource(IEnumerable<Entry> entries, IEnumerable<PropertyRecord>? properties, string source, string? origin = null) =>
        Write(entries, source, origin, subsystems: null, properties);

    private int ReplacePropertiesOfSubsystems(IEnumerable<PropertyRecord> records, long sourceId, IReadOnlyCollection<string>? subsystems, SqliteTransaction tx)
    {
        if (subsystems is null)
        {
            Exec(_db, "DELETE FROM properties WHERE source_id = $s", tx, ("$s", sourceId));
        }
        else
        {
            DeleteInSystems("properties", sourceId, subsystems, tx);
        }
        var allowed = subsystems?.ToHashSet(StringComparer.Ordinal);
        return InsertProperties(records, sourceId, tx, null, allowed);
    }

    private int InsertProperties(IEnumerable<PropertyRecord> records, long sourceId, SqliteTransaction tx,
        Func<PropertyRecord, string?>? check, IReadOnlySet<string>? allowedSystems = null)
    {
        using var ins = new SourceInsert(this, "properties", sourceId, tx,
            ("source_entry_id", SqliteType.Text), ("line", SqliteType.Integer), ("formula", SqliteType.Text),
            ("reduced_formula", SqliteType.Text), ("chemsys", SqliteType.Text), ("property", SqliteType.Text),
            ("value", SqliteType.Real), ("method", SqliteType.Text));
        var systems = new Dictionary<string, string>(StringComparer.Ordinal);
        int added = 0;
        foreach (var r in records)
        {
            if (check?.Invoke(r) is { } problem) throw new InterphaseException(problem);
            if (MaterialProperties.Problem(r.Property, r.Value) is { } bad)
                throw new InterphaseException($"{r.Formula} ({r.SourceId ?? r.Source}): {bad}");
            if (!systems.TryGetValue(r.ReducedFormula, out var chemsys))
                systems[r.ReducedFormula] = chemsys = FormulaParser.Parse(r.ReducedFormula).ChemicalSystem.ToString();
            if (allowedSystems is not null && !allowedSystems.Contains(chemsys))
                throw new InterphaseException($"property of {r.Formula} ({r.SourceId}) is outside the pulled systems");
            ins.Row(r.SourceId, r.Line, r.Formula, r.ReducedFormula, chemsys, MaterialProperties.Name(r.Property), r.Value, r.Method);
            added++;
        }
        return added;
    }

    // A source left without entries or properties is dropped so `data list` shows only sources that hold data.
    private void DropIfEmpty(long sourceId, SqliteTransaction tx) => Exec(_db, """
        DELETE FROM sources WHERE id = $s
          AND NOT EXISTS (SELECT 1 FROM entries WHERE source_id = $s)
          AND NOT EXISTS (SELECT 1 FROM properties WHERE source_id = $s)
        """, tx, ("$s", sourceId));

    /// <summary>
    /// Every stored value for the compound with reduced formula <paramref name="reducedFormula"/> (all polymorphs and
    /// sources), optionally of one property, in store order. Values whose source also holds an entry with the same id
    /// carry that entry's formation energy (eV/atom), so the lowest-energy polymorph can be chosen.
    /// </summary>
    public IReadOnlyList<PropertyRecord> Properties(string reducedFormula, MaterialProperty? property = null)
    {
        using var cmd = Command("""
            SELECT p.formula, p.reduced_formula, p.property, p.value, s.name, p.source_entry_id, p.line, p.method,
                   CASE WHEN p.source_entry_id IS NULL THEN NULL ELSE
                     (SELECT MIN(e.energy_per_atom) FROM entries e
                      WHERE e.source_id = p.source_id AND e.source_entry_id = p.source_entry_id AND e.basis = 0 AND e.chemsys = p.chemsys) END
            FROM properties p JOIN sources s ON s.id = p.source_id
            WHERE p.reduced_formula = $rf
            """ + (property is null ? "" : " AND p.property = $p") + " ORDER BY p.id");
        cmd.Parameters.AddWithValue("$rf", reducedFormula);
        if (property is { } only) cmd.Parameters.AddWithValue("$p", MaterialProperties.Name(only));
        using var r = cmd.ExecuteReader();
        var list = new List<PropertyRecord>();
        while (r.Read())
        {
            list.Add(new PropertyRecord(r.GetString(0), r.GetString(1), MaterialProperties.Parse(r.GetString(2)), r.GetDouble(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetInt32(6), r.IsDBNull(7) ? null : r.GetString(7),
                r.IsDBNull(8) ? null : r.GetDouble(8)));
        }
        return list;
    }

    /// <summary>Number of stored property values, optionally of one source.</summary>
    public int PropertyCount(string? source = null)
    {
        using var cmd = Command("SELECT COUNT(*) FROM properties p JOIN sources s ON s.id = p.source_id" + (source is null ? "" : " WHERE s.name = $src"));
        if (source is not null) cmd.Parameters.AddWithValue("$src", source);
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
