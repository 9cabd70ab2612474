using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Drafting;

// Usage: dotnet run --project tests/ProBonoBot.DraftingRubric [-- --Drafting:Provider=OpenAICompatible --Drafting:Endpoint=http://127.0.0.1:11434/v1 --Drafting:Model=llama3.1]
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var options = configuration.GetSection(DraftingOptions.Section).Get<DraftingOptions>() ?? new DraftingOptions();
var folder = configuration["fixtures"] ?? Path.Combine(RepoRoot(), "tests", "Fixtures", "needs");
var model = DraftingModel.Create(options);
var drafter = new BriefDrafter(model, new ModelCaller(model, Options.Create(options), NullLogger<ModelCaller>.Instance), new UnlimitedBudget(), NullLogger<BriefDrafter>.Instance);

var fixtures = BriefRubric.Load(folder);
var passed = 0;
Console.WriteLine($"Drafting rubric — provider {options.Provider}{(options.Provider == DraftingProvider.Offline ? string.Empty : " (" + options.Model + ")")}");
Console.WriteLine();
Console.WriteLine($"| {"fixture",-30} | lang | {"drafted by",-16} | result | problems");
Console.WriteLine($"|{new string('-', 32)}|------|{new string('-', 18)}|--------|---------");
foreach (var fixture in fixtures)
{
    var language = fixture.Language == "ja" ? Language.Japanese : Language.English;
    var result = await drafter.DraftAsync(new BriefRequest(fixture.Need, NeedAnswers.None, language), null, CancellationToken.None);
    var problems = BriefRubric.Check(fixture, result.Value);
    if (configuration["show"] == fixture.Id)
    {
        Console.Error.WriteLine(System.Text.Json.JsonSerializer.Serialize(result.Value, new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() }));
    }

    if (problems.Count == 0)
    {
        passed++;
    }

    var source = result.Fallback == FallbackReason.None ? result.Source : $"offline ({result.Fallback})";
    Console.WriteLine($"| {fixture.Id,-30} | {fixture.Language,-4} | {source,-16} | {(problems.Count == 0 ? "pass" : "FAIL"),-6} | {string.Join("; ", problems)}");
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT drafting fixtures={fixtures.Count} pass={passed}"));
return passed == fixtures.Count ? 0 : 1;

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ProBonoBot.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
