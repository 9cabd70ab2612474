using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using ProBonoBot.Club;
using ProBonoBot.Broadcasts;
using ProBonoBot.Drafting;
using ProBonoBot.Hosting;
using ProBonoBot.Install.Proactive;
using ProBonoBot.Protocol.Auth;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.Storage;

namespace ProBonoBot.Tests.Infra;

/// <summary>Every setting the bot reads, found by reflection over its options classes, with defaults and doc comments.</summary>
public static class SettingsCatalog
{
    public sealed record Setting(string Key, string Type, string Default, string Description);

    private static readonly (string Section, Type Options)[] Sections =
    [
        (string.Empty, typeof(BotFrameworkOptions)),
        (ConnectorOptions.Section, typeof(ConnectorOptions)),
        (BotHostOptions.Section, typeof(BotHostOptions)),
        (StorageOptions.Section, typeof(StorageOptions)),
        (ProBonoBot.Turns.TurnOptions.Section, typeof(ProBonoBot.Turns.TurnOptions)),
        (ClubOptions.Section, typeof(ClubOptions)),
        (ProBonoBot.Install.RosterOptions.Section, typeof(ProBonoBot.Install.RosterOptions)),
        (BroadcastOptions.Section, typeof(BroadcastOptions)),
        (ProBonoBot.Plans.PlanOptions.Section, typeof(ProBonoBot.Plans.PlanOptions)),
        (DraftingOptions.Section, typeof(DraftingOptions)),
        (ProactiveInstallOptions.Section, typeof(ProactiveInstallOptions)),
        (ProBonoBot.Hours.HoursOptions.Section, typeof(ProBonoBot.Hours.HoursOptions)),
        (ProBonoBot.Impact.ImpactOptions.Section, typeof(ProBonoBot.Impact.ImpactOptions)),
        (ProBonoBot.Dashboard.DashboardOptions.Section, typeof(ProBonoBot.Dashboard.DashboardOptions)),
    ];

    public static IReadOnlyList<Setting> All()
    {
        var settings = new List<Setting>();
        foreach (var (section, type) in Sections)
        {
            var instance = Activator.CreateInstance(type)!;
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite || IsList(p.PropertyType)))
            {
                var key = section.Length == 0 ? p.Name : $"{section}:{p.Name}";
                settings.Add(new Setting(key, TypeName(p.PropertyType), Format(p.GetValue(instance)), Doc(p)));
            }
        }

        settings.Add(new Setting("ConnectionStrings:ProBono", "string", "Data Source=.data/probonobot.db",
            "The database: a SQLite file (relative to the content root) or a PostgreSQL connection string."));
        return settings;
    }

    private static string TypeName(Type t) => t switch
    {
        _ when t == typeof(string) => "string",
        _ when t == typeof(bool) => "bool",
        _ when t == typeof(int) => "int",
        _ when t == typeof(long) => "long",
        _ when t == typeof(TimeSpan) => "TimeSpan",
        _ when t.IsEnum => string.Join(" / ", Enum.GetNames(t)),
        _ when IsList(t) => "list of string",
        _ => t.Name,
    };

    private static bool IsList(Type t) => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IList<>);

    private static string Format(object? value) => value switch
    {
        null => "(empty)",
        string s when s.Length == 0 => "(empty)",
        IEnumerable<string> list => list.Any() ? string.Join(", ", list) : "(empty)",
        TimeSpan ts => ts.ToString("c", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Doc(PropertyInfo p)
    {
        var assembly = p.DeclaringType!.Assembly;
        var xml = Path.ChangeExtension(assembly.Location, ".xml");
        var member = XDocument.Load(xml).Descendants("member")
            .FirstOrDefault(m => (string?)m.Attribute("name") == $"P:{p.DeclaringType.FullName}.{p.Name}");
        var summary = member?.Element("summary");
        if (summary is null)
        {
            return string.Empty;
        }

        var text = string.Concat(summary.Nodes().Select(n => n is XElement e ? (string?)e.Attribute("cref")?.Value.Split('.')[^1] ?? e.Value : n.ToString()));
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace("|", "\\|", StringComparison.Ordinal);
    }
}
