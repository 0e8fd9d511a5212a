using System.Globalization;
using System.Text;

namespace Interphase.Chemistry;

/// <summary>
/// Reads chemical formulas as researchers write them: plain (<c>Li6PS5Cl</c>), fractional (<c>LiNi0.8Co0.1Mn0.1O2</c>),
/// bracketed (<c>Li1.3Al0.3Ti1.7(PO4)3</c>, <c>[Ni(NH3)6]Cl2</c>), hydrates (<c>Na3SbS4·9H2O</c>, <c>*</c> for the dot),
/// and pseudo-binary mixtures (<c>75Li2S-25P2S5</c>, <c>0.75Li2S·0.25P2S5</c>). Unicode subscript digits are accepted.
/// </summary>
/// <remarks>
/// A small recursive-descent parser: the grammar is tiny and every error must name its position, which a general
/// parsing library would not make simpler. It only ever throws <see cref="FormulaException"/>.
/// </remarks>
internal static class FormulaParser
{
    private const int MaxDepth = 32;

    /// <summary>
    /// Largest amount of one element a formula may hold (after brackets and mixture coefficients are multiplied out):
    /// far above any real formula unit or supercell, and small enough that every amount is exact in a double.
    /// </summary>
    public const double MaxAmount = 1e6;

    /// <summary>Smallest amount a formula may give (smaller amounts are below the composition tolerance).</summary>
    public const double MinAmount = 1e-6;

    /// <summary>Longest formula accepted, in characters.</summary>
    public const int MaxLength = 1000;

    /// <summary>Parses a formula into element amounts.</summary>
    /// <exception cref="FormulaException">The formula is empty, malformed, names an unknown element, or has a zero,
    /// negative or non-numeric amount.</exception>
    public static Composition Parse(string formula)
    {
        if (formula is null || formula.Trim().Length == 0)
            throw new FormulaException(formula ?? "", 1, "empty formula");
        if (formula.Length > MaxLength)
            throw new FormulaException(formula, MaxLength + 1, $"formula longer than {MaxLength} characters");
        var reader = new Reader(formula);
        return new Composition(reader.ParseMixture());
    }

    /// <summary>Parses a formula, returning false (and the error) instead of throwing.</summary>
    public static bool TryParse(string formula, out Composition? composition, out FormulaException? error)
    {
        try
        {
            composition = Parse(formula);
            error = null;
            return true;
        }
        catch (FormulaException ex)
        {
            composition = null;
            error = ex;
            return false;
        }
    }

    private sealed class Reader(string text)
    {
        private int _pos;

        private FormulaException Error(string problem, int? at = null) => new(text, (at ?? _pos) + 1, problem);

        private char Peek => _pos < text.Length ? Normalise(text[_pos]) : '\0';

        private static char Normalise(char c) => c switch
        {
            >= '\u2080' and <= '\u2089' => (char)('0' + (c - '\u2080')),
            '\u00B7' or '\u2022' or '\u2219' or '\u22C5' or '*' => '·',
            '\u2013' or '\u2014' or '\u2212' => '-',
            _ => c,
        };

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }

        public Dictionary<Element, double> ParseMixture()
        {
            var total = new Dictionary<Element, double>();
            bool? dashPartsHaveCoefficients = null;
            char separator = '\0';
            while (true)
            {
                SkipSpace();
                int partStart = _pos;
                double coefficient = 1;
                bool hasCoefficient = char.IsAsciiDigit(Peek) || (Peek == '.' && _pos + 1 < text.Length && char.IsAsciiDigit(Normalise(text[_pos + 1])));
                if (hasCoefficient) coefficient = ReadNumber();
                if (separator == '-' || (separator == '\0' && HasDashAhead()))
                {
                    if (dashPartsHaveCoefficients is { } expected && expected != hasCoefficient)
                        throw Error(hasCoefficient
                            ? "amount after '-': negative amounts are not allowed (for a mixture give every part a coefficient, e.g. 75Li2S-25P2S5)"
                            : "mixture part without a coefficient (give every part one, e.g. 75Li2S-25P2S5)", partStart);
                    dashPartsHaveCoefficients = hasCoefficient;
                }
                SkipSpace();
                var part = ParseSequence(depth: 0, closing: '\0');
                if (part.Count == 0)
                    throw Error(hasCoefficient ? "number with no formula after it" : _pos < text.Length ? $"unexpected '{text[_pos]}'" : "missing formula", hasCoefficient ? partStart : null);
                foreach (var (el, n) in part) Add(total, el, n * coefficient);
                SkipSpace();
                if (_pos >= text.Length) break;
                char c = Peek;
                if (c is '-' or '·' or '+')
                {
                    separator = c == '·' ? '·' : c;
                    _pos++;
                    SkipSpace();
                    if (_pos >= text.Length) throw Error($"nothing after '{text[_pos - 1]}'", _pos - 1);
                    continue;
                }
                throw c is ')' or ']' or '}' ? Error($"unbalanced '{text[_pos]}'") : Error($"unexpected '{text[_pos]}'");
            }
            foreach (var (el, n) in total)
            {
                if (!double.IsFinite(n) || n > MaxAmount)
                    throw Error($"amount of {el.Symbol} ({n.ToString("G6", CultureInfo.InvariantCulture)}) is more than {MaxAmount.ToString("N0", CultureInfo.InvariantCulture)} atoms, beyond any formula", 0);
            }
            return total;
        }

        private bool HasDashAhead()
        {
            int depth = 0;
            for (int i = _pos; i < text.Length; i++)
            {
                char c = Normalise(text[i]);
                if (c is '(' or '[' or '{') depth++;
                else if (c is ')' or ']' or '}') depth--;
                else if (c == '-' && depth == 0) return true;
                else if (c is '·' or '+' && depth == 0) return false;
            }
            return false;
        }

        private Dictionary<Element, double> ParseSequence(int depth, char closing)
        {
            if (depth > MaxDepth) throw Error($"brackets nested deeper than {MaxDepth}");
            var result = new Dictionary<Element, double>();
            while (true)
            {
                SkipSpace();
                char c = Peek;
                if (c == '\0' || c is '-' or '·' or '+') return result;
                if (c is ')' or ']' or '}')
                {
                    if (closing == '\0') return result;
                    if (c != closing) throw Error($"'{text[_pos]}' does not match the open bracket (expected '{closing}')");
                    return result;
                }
                if (c is '(' or '[' or '{')
                {
                    int open = _pos;
                    char close = c == '(' ? ')' : c == '[' ? ']' : '}';
                    _pos++;
                    var inner = ParseSequence(depth + 1, close);
                    if (Peek != close) throw Error($"unbalanced '{text[open]}' (no closing '{close}')", open);
                    if (inner.Count == 0) throw Error("empty brackets", open);
                    _pos++;
                    double n = ReadOptionalAmount();
                    foreach (var (el, k) in inner) Add(result, el, k * n);
                    continue;
                }
                if (char.IsAsciiLetterUpper(c))
                {
                    int start = _pos;
                    _pos++;
                    if (char.IsAsciiLetterLower(Peek)) _pos++;
                    string symbol = text[start.._pos];
                    var element = PeriodicTable.TryGet(symbol)
                        ?? throw Error(char.IsAsciiLetterLower(Peek) ? $"unknown element '{symbol}{text[_pos]}'" : $"unknown element '{symbol}'", start);
                    if (char.IsAsciiLetterLower(Peek)) throw Error($"unknown element '{symbol}{text[_pos]}'", start);
                    Add(result, element, ReadOptionalAmount());
                    continue;
                }
                if (char.IsAsciiLetterLower(c)) throw Error($"unexpected '{text[_pos]}' (element symbols start with a capital letter)");
                if (char.IsAsciiDigit(c) || c == '.') throw Error("amount without an element or bracket before it");
                throw Error($"unexpected '{text[_pos]}'");
            }
        }

        private double ReadOptionalAmount()
        {
            char c = Peek;
            if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < text.Length && char.IsAsciiDigit(Normalise(text[_pos + 1]))))
                return ReadNumber();
            return 1;
        }

        private double ReadNumber()
        {
            int start = _pos;
            var sb = new StringBuilder();
            bool dot = false;
            while (_pos < text.Length)
            {
                char c = Normalise(text[_pos]);
                if (char.IsAsciiDigit(c)) sb.Append(c);
                else if (c == '.' && !dot && _pos + 1 < text.Length && char.IsAsciiDigit(Normalise(text[_pos + 1]))) { dot = true; sb.Append(c); }
                else break;
                _pos++;
            }
            if (Peek == '.') throw Error("malformed number");
            if (!double.TryParse(sb.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                throw Error($"amount '{Cap(sb.ToString())}' out of range", start);
            if (value == 0) throw Error("zero amount", start);
            if (value > MaxAmount) throw Error($"amount '{Cap(sb.ToString())}' is more than {MaxAmount.ToString("N0", CultureInfo.InvariantCulture)}, beyond any formula", start);
            if (value < MinAmount) throw Error($"amount '{Cap(sb.ToString())}' is smaller than {MinAmount.ToString("0.######", CultureInfo.InvariantCulture)}", start);
            return value;
        }

        private static string Cap(string s) => s.Length > 24 ? s[..24] + "…" : s;

        private static void Add(Dictionary<Element, double> d, Element el, double n) =>
            d[el] = d.GetValueOrDefault(el) + n;
    }
}
