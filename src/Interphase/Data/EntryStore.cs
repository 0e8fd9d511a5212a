using System.Diagnostics;
using System.Globalization;
using Interphase.Chemistry;
using Microsoft.Data.Sqlite;

namespace Interphase.Data;

/// <summary>What was written by an import or pull.</summary>
/// <param name="Source">Source name.</param>
/// <param name="Added">Entries written.</param>
/// <param name="Replaced">Entries of the same source (and, for pulls, the same sub-systems) that were replaced.</param>
/// <param name="Elapsed">Wall time of the write.</param>
public sealed record ImportSummary(string Source, int Added, int Replaced, TimeSpan Elapsed)
{
    /// <summary>Material property values written in the same transaction (pulls that fetch properties).</summary>
    public int Properties { get; init; }
}

/// <summary>A source in the store.</summary>
/// <param name="Name">Source name (unique).</param>
/// <param name="Entries">Number of entries.</param>
/// <param name="FormationEntries">Entries whose energy is a formation energy.</param>
/// <param name="RawTotalEntries">Entries whose energy is a raw total energy.</param>
/// <param name="Origin">Where the data came from (file path or URL).</param>
/// <param name="UpdatedUtc">When the source was last written.</param>
/// <param name="Functionals">Distinct functionals recorded.</param>
/// <param name="CorrectionSchemes">Distinct correction schemes recorded.</param>
/// <param name="Properties">Material property values (band gaps, moduli, …) stored under this source.</param>
public sealed record SourceSummary(string Name, int Entries, int FormationEntries, int RawTotalEntries, string? Origin,
    DateTimeOffset UpdatedUtc, IReadOnlyList<string> Functionals, IReadOnlyList<string> CorrectionSchemes, int Properties = 0);

/// <summary>Store totals.</summary>
/// <param name="Path">Database file.</param>
/// <param name="Entries">Entries in all sources.</param>
/// <param name="ChemicalSystems">Distinct chemical systems.</param>
/// <param name="ByElementCount">Entries by number of elements (1 = elements, 2 = binaries, …).</param>
/// <param name="Sources">Per-source summaries.</param>
/// <param name="FileBytes">Size of the database file, bytes.</param>
public sealed record StoreStats(string Path, int Entries, int ChemicalSystems, IReadOnlyDictionary<int, int> ByElementCount,
    IReadOnlyList<SourceSummary> Sources, long FileBytes)
{
    /// <summary>The data the analyses use with this store (the store, or the built-in data when it is missing or empty).</summary>
    public DataInUse? AnalysesUse { get; init; }

    /// <summary>The statistics of a store that does not exist yet.</summary>
    public static StoreStats Missing(string path) => new(path, 0, 0, new SortedDictionary<int, int>(), [], 0);
}

/// <summary>
/// The local entry store: a SQLite database of entries with provenance, indexed by chemical system. Every write is
/// one transaction, so a malformed row or a crash leaves the store as it was; re-importing a source replaces it, so
/// imports are idempotent. A system query looks up the 2^k − 1 sub-system keys in an index.
/// </summary>
/// <remarks>
/// Entries are stored as written (formula per cell, energy per atom); the store adds no elemental references. For
/// formation-energy sources the convention is that each element is at 0 eV/atom, added when a phase diagram is built.
/// </remarks>
public sealed partial class EntryStore : IDisposable
{
    private const int SchemaVersion = 2;
    private readonly SqliteConnection _db;

    private EntryStore(string path, SqliteConnection db)
    {
        Path = path;
        _db = db;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating when needed, with its directory) the store at <paramref name="path"/>.</summary>
    public static EntryStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        return Connect(full, SqliteOpenMode.ReadWriteCreate);
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the store at <paramref name="path"/>, creating it when needed; when the store did
    /// not exist before and <paramref name="write"/> fails, the new (empty) store is removed again, so a failed import or
    /// pull leaves nothing behind.
    /// </summary>
    public static T Write<T>(string path, Func<EntryStore, T> write)
    {
        var full = System.IO.Path.GetFullPath(path);
        bool existed = File.Exists(full);
        var store = Open(full);
        try
        {
            var result = write(store);
            store.Dispose();
            return result;
        }
        catch
        {
            store.Dispose();
            if (!existed)
                foreach (var file in new[] { full, full + "-wal", full + "-shm", full + "-journal" })
                    if (File.Exists(file)) File.Delete(file);
            throw;
        }
    }

    /// <summary>Opens an existing store; throws an <see cref="InterphaseException"/> saying how to fill it when there is none.</summary>
    public static EntryStore OpenExisting(string path) => Connect(Existing(path), SqliteOpenMode.ReadWrite);

    /// <summary>
    /// Opens an existing store for reading only, for commands that do not write: works on a read-only file or in a
    /// read-only folder, and never changes the file.
    /// </summary>
    /// <exception cref="InterphaseException">No store there, or the file is not a readable entry store.</exception>
    public static EntryStore OpenReadOnly(string path)
    {
        string full = Existing(path);
        try
        {
            return Connect(full, SqliteOpenMode.ReadOnly);
        }
        catch (InterphaseException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 14 or 8 })
        {
            // A WAL store in a read-only folder cannot get its shared-memory file: read the file as it is.
            return Connect(full, SqliteOpenMode.ReadOnly, immutable: true);
        }
    }

    private static string Existing(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new InterphaseException($"entry store {full} is a folder: give the store's file path");
        if (!File.Exists(full))
            throw new InterphaseException(
                $"no entry store at {full}: import data first (interphase data import mp_e_form.csv, or interphase data pull --chemsys Li-P-S --source mp), or pass --data FILE");
        return full;
    }

    /// <summary>True when the store was opened read-only.</summary>
    public bool IsReadOnly { get; private init; }

    private static EntryStore Connect(string full, SqliteOpenMode mode, bool immutable = false)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Mode = mode, Pooling = false };
        if (immutable) builder.DataSource = "file:" + Uri.EscapeDataString(full).Replace("%2F", "/", StringComparison.Ordinal) + "?immutable=1";
        var db = new SqliteConnection(builder.ToString());
        try
        {
            db.Open();
            if (mode == SqliteOpenMode.ReadOnly)
            {
                var ro = new EntryStore(full, db) { IsReadOnly = true };
                ro.CheckSchema();
                return ro;
            }
            // WAL + synchronous=NORMAL: one fsync per checkpoint instead of per commit; the cache holds a full import.
            Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;");
            var store = new EntryStore(full, db);
            store.EnsureSchema();
            return store;
        }
        catch (SqliteException ex)
        {
            db.Dispose();
            throw new InterphaseException($"cannot open entry store {full}: {Describe(ex)}", ex);
        }
        catch (InterphaseException)
        {
            db.Dispose();
            throw;
        }
    }

    // A read-only store is not migrated; one without the schema (an empty SQLite file) reads as empty.
    private void CheckSchema()
    {
        long version = Scalar<long>("PRAGMA user_version");
        if (version > SchemaVersion)
            throw new InterphaseException($"entry store {Path} was written by a newer Interphase (schema {version} > {SchemaVersion})");
        _hasSchema = version == SchemaVersion;
        if (_hasSchema) Scalar<long>("SELECT COUNT(*) FROM sources"); // reads the first pages: a damaged file fails here
    }

    private bool _hasSchema = true;

    private static string Describe(SqliteException ex) => ex.SqliteErrorCode switch
    {
        11 or 26 => $"the file is damaged or not an entry store ({ex.Message.TrimEnd('.')}); restore it from a backup, or delete it and import the data again",
        14 => $"{ex.Message.TrimEnd('.')}: the file or its folder may be read-only or missing; reading commands open the store read-only, writing needs both writable (or another --store)",
        8 => $"the store is read-only ({ex.Message.TrimEnd('.')}); check the file's and its folder's permissions, or use another --store",
        _ => ex.Message,
    };

    private InterphaseException StoreError(Exception ex) => new(ex switch
    {
        SqliteException se => $"entry store {Path}: {Describe(se)}",
        _ => $"entry store {Path}: the file is damaged ({ex.Message.TrimEnd('.')}); restore it from a backup, or delete it and import the data again",
    }, ex);

    private static bool IsStoreFailure(Exception ex) => ex is SqliteException or FormatException or InvalidCastException or OverflowException or IndexOutOfRangeException;

    private T Guard<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            throw StoreError(ex);
        }
    }

    private void EnsureSchema()
    {
        long version = Scalar<long>("PRAGMA user_version");
        if (version > SchemaVersion)
            throw new InterphaseException($"entry store {Path} was written by a newer Interphase (schema {version} > {SchemaVersion})");
        if (version == SchemaVersion) return;
        using var tx = _db.BeginTransaction();
        Exec(_db, """
            CREATE TABLE IF NOT EXISTS sources (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                origin TEXT,
                updated_utc TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS entries (
                id INTEGER PRIMARY KEY,
                source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
                source_entry_id TEXT,
                formula TEXT NOT NULL,
                reduced_formula TEXT NOT NULL,
                chemsys TEXT NOT NULL,
                nelements INTEGER NOT NULL,
                natoms REAL NOT NULL,
                energy_per_atom REAL NOT NULL,
                basis INTEGER NOT NULL,
                functional TEXT,
                correction_scheme TEXT);
            CREATE INDEX IF NOT EXISTS ix_entries_chemsys ON entries(chemsys, source_id);
            """, tx);
        CreatePropertySchema(tx); // schema 2: material properties beside the entries
        Exec(_db, $"PRAGMA user_version = {SchemaVersion}", tx);
        tx.Commit();
    }

    /// <summary>
    /// Replaces every entry of source <paramref name="source"/> with <paramref name="entries"/> in one transaction
    /// (the entries' own source names are ignored). If enumerating the entries throws, or there are none, nothing is
    /// written.
    /// </summary>
    /// <param name="entries">Entries to write (enumerated once, inside the transaction).</param>
    /// <param name="source">Source name.</param>
    /// <param name="origin">Where they came from (file path, URL), recorded with the source.</param>
    public ImportSummary ImportSource(IEnumerable<Entry> entries, string source, string? origin = null) =>
        Write(entries, source, origin, subsystems: null);

    /// <summary>
    /// Replaces the entries of <paramref name="source"/> whose chemical system is one of <paramref name="subsystemKeys"/>
    /// (keeping its other systems) with <paramref name="entries"/>, in one transaction. Used by pulls, so pulling
    /// Li-P-S then Li-Cl keeps both, and pulling Li-P-S twice is idempotent.
    /// </summary>
    public ImportSummary ReplaceSubsystems(IEnumerable<Entry> entries, string source, IReadOnlyCollection<string> subsystemKeys, string? origin = null) =>
        Write(entries, source, origin, subsystemKeys);

    private ImportSummary Write(IEnumerable<Entry> entries, string source, string? origin, IReadOnlyCollection<string>? subsystems,
        IEnumerable<Properties.PropertyRecord>? properties = null)
    {
        ValidateSourceName(source);
        if (IsReadOnly) throw new InterphaseException($"entry store {Path} was opened read-only");
        return Guard(() => WriteUnguarded(entries, source, origin, subsystems, properties));
    }

    private ImportSummary WriteUnguarded(IEnumerable<Entry> entries, string source, string? origin, IReadOnlyCollection<string>? subsystems,
        IEnumerable<Properties.PropertyRecord>? properties)
    {
        var sw = Stopwatch.StartNew();
        using var tx = _db.BeginTransaction();
        try
        {
            long sourceId = UpsertSource(source, origin, tx);
            int replaced = 0;
            if (subsystems is null)
            {
                replaced = Exec(_db, "DELETE FROM entries WHERE source_id = $s", tx, ("$s", sourceId));
            }
            else
            {
                replaced = DeleteInSystems("entries", sourceId, subsystems, tx);
            }
            using var ins = new SourceInsert(this, "entries", sourceId, tx,
                ("source_entry_id", SqliteType.Text), ("formula", SqliteType.Text), ("reduced_formula", SqliteType.Text),
                ("chemsys", SqliteType.Text), ("nelements", SqliteType.Integer), ("natoms", SqliteType.Real),
                ("energy_per_atom", SqliteType.Real), ("basis", SqliteType.Integer), ("functional", SqliteType.Text),
                ("correction_scheme", SqliteType.Text));
            var allowed = subsystems is null ? null : new HashSet<string>(subsystems, StringComparer.Ordinal);
            int added = 0;
            foreach (var e in entries)
            {
                var comp = e.Composition;
                string chemsys = comp.ChemicalSystem.ToString();
                if (allowed is not null && !allowed.Contains(chemsys))
                    throw new InterphaseException($"entry {e.Composition} ({e.Provenance.SourceId}) is outside the pulled systems");
                ins.Row(e.Provenance.SourceId, comp.FullFormula, comp.ReducedFormula, chemsys, comp.ElementCount, comp.NumAtoms,
                    e.EnergyPerAtom, (int)e.Provenance.Basis, e.Provenance.Functional, e.Provenance.CorrectionScheme);
                added++;
            }
            if (subsystems is null && added == 0)
                throw new InterphaseException($"nothing to import into source '{source}'{(origin is null ? "" : $" from {origin}")}: no entries (the store is unchanged)");
            int propertiesAdded = properties is null ? 0 : ReplacePropertiesOfSubsystems(properties, sourceId, subsystems, tx);
            DropIfEmpty(sourceId, tx);
            tx.Commit();
            return new ImportSummary(source, added, replaced, sw.Elapsed) { Properties = propertiesAdded };
        }
        catch
        {
            try { tx.Rollback(); } catch (SqliteException) { } // a failed write may already have rolled back
            throw;
        }
    }

    private long UpsertSource(string source, string? origin, SqliteTransaction tx)
    {
        Exec(_db, """
            INSERT INTO sources (name, origin, updated_utc) VALUES ($n, $o, $t)
            ON CONFLICT(name) DO UPDATE SET origin = COALESCE(excluded.origin, origin), updated_utc = excluded.updated_utc
            """, tx, ("$n", source), ("$o", (object?)origin ?? DBNull.Value), ("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
        using var cmd = Command("SELECT id FROM sources WHERE name = $n", tx);
        cmd.Parameters.AddWithValue("$n", source);
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>
    /// The entries of a chemical system and all its sub-systems (every entry whose elements are a subset of
    /// <paramref name="system"/>), optionally of one source, in store order.
    /// </summary>
    public IReadOnlyList<Entry> Query(IEnumerable<Element> system, string? source = null)
    {
        var elements = system.ToList();
        return _hasSchema ? Guard(() => QueryUnguarded(elements, source)) : [];
    }

    private List<Entry> QueryUnguarded(IEnumerable<Element> system, string? source)
    {
        var keys = ChemicalSystem.Of(system).SubsystemKeys();
        using var cmd = Command(SelectSql + " WHERE e.chemsys = $c" + (source is null ? "" : " AND s.name = $src") + " ORDER BY e.id");
        var pc = cmd.Parameters.Add("$c", SqliteType.Text);
        if (source is not null) cmd.Parameters.AddWithValue("$src", source);
        cmd.Prepare();
        var result = new List<Entry>();
        var parsed = new Dictionary<string, Composition>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            pc.Value = key;
            using var r = cmd.ExecuteReader();
            while (r.Read()) result.Add(ReadEntry(r, parsed));
        }
        return result;
    }

    /// <summary>Every entry (optionally of one source), in insertion order.</summary>
    public IEnumerable<Entry> All(string? source = null)
    {
        if (!_hasSchema) yield break;
        using var e = AllUnguarded(source).GetEnumerator();
        while (true)
        {
            Entry current;
            try
            {
                if (!e.MoveNext()) yield break;
                current = e.Current;
            }
            catch (Exception ex) when (IsStoreFailure(ex))
            {
                throw StoreError(ex);
            }
            yield return current;
        }
    }

    private IEnumerable<Entry> AllUnguarded(string? source)
    {
        using var cmd = Command(SelectSql + (source is null ? "" : " WHERE s.name = $src") + " ORDER BY e.id");
        if (source is not null) cmd.Parameters.AddWithValue("$src", source);
        using var r = cmd.ExecuteReader();
        var parsed = new Dictionary<string, Composition>(StringComparer.Ordinal);
        while (r.Read()) yield return ReadEntry(r, parsed);
    }

    /// <summary>Number of entries, optionally of one source.</summary>
    public int Count(string? source = null) => _hasSchema ? Guard(() => CountUnguarded(source)) : 0;

    private int CountUnguarded(string? source)
    {
        using var cmd = Command("SELECT COUNT(*) FROM entries e JOIN sources s ON s.id = e.source_id" + (source is null ? "" : " WHERE s.name = $src"));
        if (source is not null) cmd.Parameters.AddWithValue("$src", source);
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The sources in the store with their entry counts and provenance.</summary>
    public IReadOnlyList<SourceSummary> Sources() => _hasSchema ? Guard(SourcesUnguarded) : [];

    private List<SourceSummary> SourcesUnguarded()
    {
        var list = new List<SourceSummary>();
        using var cmd = Command("""
            SELECT s.name, s.origin, s.updated_utc, COUNT(e.id), SUM(e.basis = 0), SUM(e.basis = 1),
                   GROUP_CONCAT(DISTINCT e.functional), GROUP_CONCAT(DISTINCT e.correction_scheme),
                   (SELECT COUNT(*) FROM properties p WHERE p.source_id = s.id)
            FROM sources s LEFT JOIN entries e ON e.source_id = s.id
            GROUP BY s.id ORDER BY s.name
            """);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new SourceSummary(r.GetString(0), r.GetInt32(3), r.IsDBNull(4) ? 0 : r.GetInt32(4), r.IsDBNull(5) ? 0 : r.GetInt32(5),
                r.IsDBNull(1) ? null : r.GetString(1),
                DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture),
                Split(r, 6), Split(r, 7), r.GetInt32(8)));
        }
        return list;

        static IReadOnlyList<string> Split(SqliteDataReader r, int i) =>
            r.IsDBNull(i) ? [] : r.GetString(i).Split(',').Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Totals for <c>data stats</c>.</summary>
    public StoreStats Stats() => Guard(StatsUnguarded);

    private StoreStats StatsUnguarded()
    {
        if (!_hasSchema) return new StoreStats(Path, 0, 0, new SortedDictionary<int, int>(), [], new FileInfo(Path).Length);
        var byCount = new SortedDictionary<int, int>();
        using (var cmd = Command("SELECT nelements, COUNT(*) FROM entries GROUP BY nelements"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) byCount[r.GetInt32(0)] = r.GetInt32(1);
        int systems = Scalar<int>("SELECT COUNT(DISTINCT chemsys) FROM entries");
        long bytes = new FileInfo(Path).Length + (File.Exists(Path + "-wal") ? new FileInfo(Path + "-wal").Length : 0);
        return new StoreStats(Path, Count(), systems, byCount, Sources(), bytes);
    }

    /// <summary>Removes a source and its entries; returns the number of entries removed.</summary>
    /// <exception cref="InterphaseException">No such source (the message lists the sources present).</exception>
    public int RemoveSource(string source)
    {
        if (IsReadOnly) throw new InterphaseException($"entry store {Path} was opened read-only");
        return Guard(() => RemoveUnguarded(source));
    }

    private int RemoveUnguarded(string source)
    {
        using var tx = _db.BeginTransaction();
        using var find = Command("SELECT id FROM sources WHERE name = $n", tx);
        find.Parameters.AddWithValue("$n", source);
        if (find.ExecuteScalar() is not long id)
        {
            tx.Rollback();
            var names = Sources().Select(s => s.Name).ToList();
            throw new InterphaseException($"no source '{source}' in the store {Path} (sources: {(names.Count == 0 ? "none" : string.Join(", ", names))})");
        }
        int removed = Exec(_db, "DELETE FROM entries WHERE source_id = $s", tx, ("$s", id));
        Exec(_db, "DELETE FROM sources WHERE id = $s", tx, ("$s", id));
        tx.Commit();
        return removed;
    }

    /// <inheritdoc />
    public void Dispose() => _db.Dispose();

    private const string SelectSql = """
        SELECT s.name, e.source_entry_id, e.formula, e.energy_per_atom, e.basis, e.functional, e.correction_scheme
        FROM entries e JOIN sources s ON s.id = e.source_id
        """;

    // Polymorphs share formulas; each distinct formula is parsed once per query (compositions are immutable).
    private static Entry ReadEntry(SqliteDataReader r, Dictionary<string, Composition> parsed)
    {
        string formula = r.GetString(2);
        if (!parsed.TryGetValue(formula, out var comp)) parsed[formula] = comp = FormulaParser.Parse(formula);
        var prov = new Provenance(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), (EnergyBasis)r.GetInt32(4),
            r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6));
        return Entry.FromEnergyPerAtom(comp, r.GetDouble(3), prov);
    }

    private static void ValidateSourceName(string source)
    {
        if (string.IsNullOrWhiteSpace(source)) throw new InterphaseException("a source needs a non-empty name");
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    // Deletes the source's rows of one table whose chemical system is one of the keys; returns how many.
    private int DeleteInSystems(string table, long sourceId, IEnumerable<string> systems, SqliteTransaction tx)
    {
        using var del = Command($"DELETE FROM {table} WHERE source_id = $s AND chemsys = $c", tx);
        var pc = del.Parameters.Add("$c", SqliteType.Text);
        del.Parameters.AddWithValue("$s", sourceId);
        del.Prepare();
        int deleted = 0;
        foreach (var key in systems)
        {
            pc.Value = key;
            deleted += del.ExecuteNonQuery();
        }
        return deleted;
    }

    /// <summary>
    /// A prepared INSERT of rows of one source into <c>entries</c> or <c>properties</c> (the one way both tables are
    /// written): the source id is bound once, each row binds its values in column order (null → SQL NULL).
    /// </summary>
    private sealed class SourceInsert : IDisposable
    {
        private readonly SqliteCommand _cmd;
        private readonly SqliteParameter[] _values;

        public SourceInsert(EntryStore store, string table, long sourceId, SqliteTransaction tx, params (string Column, SqliteType Type)[] columns)
        {
            _cmd = store.Command(
                $"INSERT INTO {table} (source_id, {string.Join(", ", columns.Select(c => c.Column))}) " +
                $"VALUES ($s, {string.Join(", ", columns.Select((_, i) => "$v" + i.ToString(CultureInfo.InvariantCulture)))})", tx);
            _cmd.Parameters.AddWithValue("$s", sourceId);
            _values = columns.Select((c, i) => _cmd.Parameters.Add("$v" + i.ToString(CultureInfo.InvariantCulture), c.Type)).ToArray();
            _cmd.Prepare();
        }

        public void Row(params object?[] values)
        {
            for (int i = 0; i < _values.Length; i++) _values[i].Value = values[i] ?? DBNull.Value;
            _cmd.ExecuteNonQuery();
        }

        public void Dispose() => _cmd.Dispose();
    }

    private T Scalar<T>(string sql)
    {
        using var cmd = Command(sql);
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static int Exec(SqliteConnection db, string sql, SqliteTransaction? tx = null, params (string Name, object Value)[] args)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        return cmd.ExecuteNonQuery();
    }
}
