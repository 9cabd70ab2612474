using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Drafting;
using ProBonoBot.Drafting.Rubric;

// Usage: dotnet run --project tests/ProBonoBot.DraftingRubric [-- --Drafting:Provider=OpenAICompatible --Drafting:Endpoint=http://127.0.0.1:11434/v1 --Drafting:Model=llama3.1]
//        dotnet run --project tests/ProBonoBot.DraftingRubric -- --stub inventing   (a fake model that plants invented facts)
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var options = configuration.GetSection(DraftingOptions.Section).Get<DraftingOptions>() ?? new DraftingOptions();
var folder = configuration["fixtures"] ?? Path.Combine(RepoRoot(), "tests", "Fixtures", "needs");
var inventing = configuration["stub"] == "inventing";
var model = inventing ? new DraftingModel(new InventingChatClient(), "inventing-stub") : DraftingModel.Create(options);
var drafter = new BriefDrafter(model, new ModelCaller(model, Options.Create(options), NullLogger<ModelCaller>.Instance), new UnlimitedBudget(), NullLogger<BriefDrafter>.Instance);

var fixtures = BriefRubric.Load(folder);
int passed = 0, needs = 0, grounded = 0, misfires = 0, planted = 0, caught = 0;
Console.WriteLine($"Drafting rubric — {(inventing ? "inventing stub model" : "provider " + options.Provider)}{(options.Provider == DraftingProvider.Offline || inventing ? string.Empty : " (" + options.Model + ")")}");
Console.WriteLine();
Console.WriteLine($"| {"fixture",-30} | lang | {"drafted by",-16} | result | problems");
Console.WriteLine($"|{new string('-', 32)}|------|{new string('-', 18)}|--------|---------");
foreach (var fixture in fixtures)
{
    var language = fixture.Language == "ja" ? Language.Japanese : Language.English;
    var problems = new List<string>();
    var source = "-";
    if (fixture.Kind == NeedFixture.ChatKind)
    {
        // A message that must not start drafting: it is never drafted, only classified.
        if (NeedIntent.Classify(fixture.Need) == NeedIntentKind.Need)
        {
            misfires++;
            problems.Add("misfire: read as a need");
        }
    }
    else
    {
        needs++;
        var request = new BriefRequest(fixture.Need, NeedAnswers.None, language);
        var result = await drafter.DraftAsync(request, null, CancellationToken.None);
        source = result.Fallback == FallbackReason.None ? result.Source : $"offline ({result.Fallback})";
        if (result.Grounding.Changed > 0 && configuration["verbose"] is not null)
        {
            Console.Error.WriteLine($"{fixture.Id}: grounding asked {string.Join(" | ", result.Grounding.Questions)}");
        }

        if (inventing)
        {
            foreach (var fact in InventingChatClient.Planted(language))
            {
                planted++;
                if (InventingChatClient.Caught(result.Value, fact))
                {
                    caught++;
                }
                else
                {
                    problems.Add("planted fact not caught: " + fact);
                }
            }
        }
        else
        {
            problems.AddRange(BriefRubric.Check(fixture, result.Value));
        }

        var ungrounded = BriefRubric.Ungrounded(request, result.Value);
        problems.AddRange(ungrounded);
        if (ungrounded.Count == 0)
        {
            grounded++;
        }

        if (configuration["show"] == fixture.Id)
        {
            Console.Error.WriteLine(System.Text.Json.JsonSerializer.Serialize(result.Value, new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() }));
        }
    }

    if (problems.Count == 0)
    {
        passed++;
    }

    Console.WriteLine($"| {fixture.Id,-30} | {fixture.Language,-4} | {source,-16} | {(problems.Count == 0 ? "pass" : "FAIL"),-6} | {string.Join("; ", problems)}");
}

Console.WriteLine();
var share = needs == 0 ? 1.0 : (double)grounded / needs;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT drafting fixtures={fixtures.Count} pass={passed} grounded={share:0.00} misfires={misfires}"));
if (inventing)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT drafting-stub planted={planted} caught={caught}"));
}

return passed == fixtures.Count && misfires == 0 && grounded == needs && caught == planted ? 0 : 1;

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
