namespace Interphase;

/// <summary>Caps the part of the user's input an error message quotes, so a huge input gives a short message.</summary>
public static class Quoted
{
    /// <summary>Longest quoted input, in characters.</summary>
    public const int MaxLength = 60;

    /// <summary><paramref name="text"/>, cut to <paramref name="max"/> characters with "… (N characters)" when longer.</summary>
    public static string Cap(string text, int max = MaxLength) =>
        text.Length <= max ? text : $"{text[..max]}… ({text.Length:N0} characters)";
}
