namespace Interphase.Data;

/// <summary>Reads an entry file of either supported kind, chosen by content: a JSON list of pymatgen entry dicts,
/// or a <c>formula,e_form_per_atom</c> CSV table.</summary>
public static class EntryFileReader
{
    /// <summary>Reads the file, detecting its format from its first non-blank character.</summary>
    /// <exception cref="InterphaseException">Missing or unreadable file (see the format readers for details).</exception>
    public static List<Entry> Read(string path)
    {
        if (!File.Exists(path)) throw new InterphaseException($"{path}: file not found");
        int first;
        using (var r = new StreamReader(path))
        {
            do first = r.Read(); while (first >= 0 && (char.IsWhiteSpace((char)first) || first == '\uFEFF'));
        }
        return first is '[' or '{' ? PymatgenEntryReader.Read(path) : EntryCsvReader.Read(path);
    }
}
