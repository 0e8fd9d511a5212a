namespace Interphase.Cell;

/// <summary>Loads cell specifications from YAML files.</summary>
public static class CellFile
{
    /// <summary>Loads and validates a cell; errors name the file and the key.</summary>
    public static CellSpec Load(string path)
    {
        var cell = YamlInput.Load<CellSpec>(path);
        try
        {
            CellValidation.Validate(cell);
        }
        catch (InterphaseException ex)
        {
            throw new InterphaseException($"{path}: {ex.Message}", ex);
        }
        return string.IsNullOrEmpty(cell.Name) ? cell with { Name = Path.GetFileNameWithoutExtension(path) } : cell;
    }

    /// <summary>Parses and validates a cell from YAML text.</summary>
    public static CellSpec Parse(string yaml, string source = "<yaml>")
    {
        var cell = YamlInput.Parse<CellSpec>(yaml, source);
        try { CellValidation.Validate(cell); }
        catch (InterphaseException ex) { throw new InterphaseException($"{source}: {ex.Message}", ex); }
        return cell;
    }
}
