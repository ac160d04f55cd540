namespace PlanBot.Core.Questions;

/// <summary>
/// Words people use for a team that the plan itself may not ("finance" for the CFO's directorate). Each entry joins a
/// word to the codes or names it stands for; the relation works both ways. PlanBot ships <see cref="Default"/>; a PMO
/// adds its own under <c>PlanBot:Questions:Synonyms</c> ("estates": ["DSP", "HoE"]).
/// </summary>
public sealed class UnitSynonyms
{
    private readonly Dictionary<string, HashSet<string>> _related = new(StringComparer.Ordinal);

    public static UnitSynonyms Default { get; } = new UnitSynonyms()
        .Add("finance", "cfo", "dof", "dcfo", "financial")
        .Add("nursing", "cno", "don", "cn")
        .Add("quality", "cno")
        .Add("operations", "coo", "ops")
        .Add("governance", "gov", "dir gov", "corporate")
        .Add("communications", "comms", "psc", "communication")
        .Add("communication", "comms")
        .Add("primary care", "md", "pc")
        .Add("it", "digital", "technology");

    /// <summary>Joins <paramref name="word"/> to each of <paramref name="related"/> (normalised to lower case).</summary>
    public UnitSynonyms Add(string word, params string[] related)
    {
        var key = QuestionText.Phrase(word);
        foreach (var other in related.Select(QuestionText.Phrase).Where(r => r.Length > 0 && r != key))
        {
            Set(key).Add(other);
            Set(other).Add(key);
        }
        return this;
    }

    /// <summary>A copy with the PMO's entries added to these.</summary>
    public UnitSynonyms With(IReadOnlyDictionary<string, string[]> extra)
    {
        var copy = new UnitSynonyms();
        foreach (var (word, related) in _related) copy.Add(word, [.. related]);
        foreach (var (word, related) in extra) copy.Add(word, related);
        return copy;
    }

    public IReadOnlyCollection<string> RelatedTo(string phrase) =>
        _related.TryGetValue(phrase, out var related) ? related : [];

    private HashSet<string> Set(string key)
    {
        if (!_related.TryGetValue(key, out var set)) _related[key] = set = new HashSet<string>(StringComparer.Ordinal);
        return set;
    }
}
