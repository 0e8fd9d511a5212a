using System.Text.Json;
using Interphase.Cli;
using Spectre.Console;

namespace Interphase.Web.Tests;

/// <summary>Runs the CLI in-process and returns its <c>--json</c> output (tests using it are in the "Console" collection).</summary>
public static class CliJson
{
    private static readonly object Gate = new();

    public static JsonElement Run(params string[] args)
    {
        lock (Gate)
        {
            var (oldOut, oldErr, oldConsole) = (Console.Out, Console.Error, AnsiConsole.Console);
            using var o = new StringWriter();
            using var e = new StringWriter();
            Console.SetOut(o);
            Console.SetError(e);
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(o) });
            int code;
            try { code = CliApp.BuildRoot().Parse(args).Invoke(); }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
                AnsiConsole.Console = oldConsole;
            }
            Assert.True(code == 0, $"interphase {string.Join(' ', args)} exited {code}: {e}");
            // Only the JSON document: a server in another test may log a line to the console meanwhile.
            string text = o.ToString();
            int start = text.IndexOfAny(['{', '[']);
            Assert.True(start >= 0, $"no JSON in the output of interphase {string.Join(' ', args)}: {text}");
            return JsonDocument.Parse(text[start..]).RootElement.Clone();
        }
    }
}

/// <summary>Compares two JSON documents: same keys and strings, numbers within a relative tolerance.</summary>
public static class JsonAssert
{
    public static void Same(JsonElement expected, JsonElement actual, string path = "$", double rel = 1e-9, ISet<string>? ignore = null)
    {
        if (ignore?.Contains(path) == true) return;
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected.ValueKind} expected, got {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var keys = expected.EnumerateObject().Select(p => p.Name).Where(k => ignore?.Contains($"{path}.{k}") != true).Order().ToList();
                var got = actual.EnumerateObject().Select(p => p.Name).Where(k => ignore?.Contains($"{path}.{k}") != true).Order().ToList();
                Assert.True(keys.SequenceEqual(got), $"{path}: keys {string.Join(",", keys)} expected, got {string.Join(",", got)}");
                foreach (var k in keys) Same(expected.GetProperty(k), actual.GetProperty(k), $"{path}.{k}", rel, ignore);
                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: {expected.GetArrayLength()} items expected, got {actual.GetArrayLength()}");
                int i = 0;
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray())) Same(e, a, $"{path}[{i++}]", rel, ignore);
                break;
            case JsonValueKind.Number:
                double x = expected.GetDouble(), y = actual.GetDouble();
                Assert.True(Math.Abs(x - y) <= rel * Math.Max(1, Math.Abs(x)), $"{path}: {x} expected, got {y}");
                break;
            default:
                Assert.Equal(expected.ToString(), actual.ToString());
                break;
        }
    }
}
