using PlanBot.Core.Plans;

namespace PlanBot.Core.Questions;

/// <summary>
/// The tracker's own words for the whole plan: those of its milestone tables' titles ("NHSE stocktake action required")
/// and of its rating column's header ("Health"). A question's word that is one of them and nothing else in the plan
/// ("the stocktake actions", "red on health") names the plan itself, so it narrows nothing and is not unknown.
/// </summary>
public static class PlanTitleWords
{
    private const int MinLength = 3;

    public static bool NameThePlan(PlanIndex index, string word)
    {
        var words = index.Vocabulary.TitleWords;
        return words.Contains(word) || (word.Length > MinLength + 1 && word.EndsWith('s') && words.Contains(word[..^1]));
    }

    /// <summary>Each word, and each two written apart that are often one ("stock take" → "stocktake"); read once per plan version with <see cref="PlanVocabulary"/>.</summary>
    public static HashSet<string> Read(Plan plan)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var title in plan.TableTitles.Append(plan.RatingHeader ?? string.Empty))
        {
            var parts = QuestionText.Phrase(title).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i].Length < MinLength || !parts[i].All(char.IsLetter)) continue;
                words.Add(parts[i]);
                if (i + 1 < parts.Length && parts[i + 1].Length >= MinLength && parts[i + 1].All(char.IsLetter)) words.Add(parts[i] + parts[i + 1]);
            }
        }
        return words;
    }
}
