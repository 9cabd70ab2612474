using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;

namespace ProBonoBot.Tests.Infra;

/// <summary>
/// docs/settings.md is generated from the options classes (run with UPDATE_DOCS=1 after changing one), and
/// appsettings.sample.json shows every setting.
/// </summary>
public class SettingsReferenceTests
{
    private static string Root([CallerFilePath] string source = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));

    [Fact]
    public void SettingsReference_IsGeneratedFromTheOptionsClasses()
    {
        var builder = new StringBuilder();
        builder.Append("# Settings reference\n\n");
        builder.Append("Generated from the options classes by `UPDATE_DOCS=1 dotnet test tests/ProBonoBot.Tests --filter SettingsReference`; do not edit by hand.\n");
        builder.Append("In environment variables and App Service settings write `:` as `__` (e.g. `Storage__Provider`).\n\n");
        builder.Append("| key | type | default | what it does |\n|---|---|---|---|\n");
        foreach (var s in SettingsCatalog.All())
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"| `{s.Key}` | {s.Type} | `{s.Default}` | {s.Description} |\n");
        }

        var path = Path.Combine(Root(), "docs", "settings.md");
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, builder.ToString());
        }

        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), builder.ToString());
    }

    [Fact]
    public void SampleSettings_ListEverySettingAndNothingUnknown()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(Root(), "appsettings.sample.json")))!.AsObject();
        var keys = Flatten(sample, string.Empty).ToHashSet(StringComparer.Ordinal);
        var known = SettingsCatalog.All().Select(s => s.Key).ToHashSet(StringComparer.Ordinal);

        var missing = known.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "appsettings.sample.json lacks: " + string.Join(", ", missing));
        var unknown = keys.Where(k => !known.Contains(k) && !k.StartsWith("Logging:", StringComparison.Ordinal) && k is not ("Urls" or "AllowedHosts")
            && !k.Split(':')[^1].StartsWith("//", StringComparison.Ordinal)).ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void SampleSettings_HoldNoSecrets()
    {
        var text = File.ReadAllText(Path.Combine(Root(), "appsettings.sample.json"));
        var sample = JsonNode.Parse(text)!;

        Assert.StartsWith("<", (string?)sample["MicrosoftAppPassword"], StringComparison.Ordinal);
        Assert.DoesNotMatch(@"Password=(?!<)", text);
    }

    private static IEnumerable<string> Flatten(JsonObject node, string prefix)
    {
        foreach (var (key, value) in node)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}:{key}";
            if (value is JsonObject child)
            {
                foreach (var inner in Flatten(child, path))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return path;
            }
        }
    }
}
