using System.Globalization;
using System.Text.RegularExpressions;
using PlanBot.Core.Plans;

namespace PlanBot.Core.Questions;

/// <summary>
/// Reads what a question asks of a tracker column beyond owner, status and due date, in the tracker's own words: a
/// baseline or forecast date ("gone past their baseline date", "no baseline finish", "a revised end later than the
/// planned end", "due in Q4 on the forecast dates"), percent complete ("still on 0%", "more than half done"), a task's
/// duration ("the 0-day milestones"), any column of numbers by its header ("a budget over £100k") and any column of
/// ticks ("the At Risk box ticked"). Each condition becomes a <see cref="MilestoneSet"/>; its words are marked consumed.
/// A condition says how many milestones have nothing in the column asked about, so none is dropped unsaid.
/// </summary>
public static partial class ColumnQuestionReader
{
    private enum Comparison
    {
        Equal,
        Above,
        AtLeast,
        Below,
        AtMost,
    }

    private enum DateColumn
    {
        Baseline,
        Forecast,
    }

    // The words trackers head their original and current dates with ("Baseline Finish", "Planned End", "Target Date";
    // "Forecast Date", "Revised End", "Current Due Date").
    private static readonly HashSet<string> BaselineWords = new(StringComparer.Ordinal) { "baseline", "baselined", "planned", "plan", "original", "originally", "target", "agreed" };
    private static readonly HashSet<string> ForecastWords = new(StringComparer.Ordinal) { "forecast", "forecasts", "forecasted", "revised", "current", "expected", "latest", "reforecast" };
    private static readonly HashSet<string> DateTails = new(StringComparer.Ordinal)
    {
        "date", "dates", "finish", "finishes", "end", "ends", "due", "completion", "deadline", "deadlines", "delivery", "timescale", "timescales",
    };

    // Words for the date a task is now expected, when compared with its baseline ("finishing later than baseline").
    private static readonly HashSet<string> CurrentDateWords = new(StringComparer.Ordinal) { "finish", "finishing", "finishes", "end", "ending", "ends", "due" };

    private static readonly HashSet<string> Possessives = new(StringComparer.Ordinal) { "their", "its", "the", "his", "her", "my", "our", "a", "an" };

    private static readonly string[][] PastPhrases =
    [
        ["gone", "past"], ["gone", "beyond"], ["gone", "over"], ["run", "past"], ["overdue", "against"],
        ["overdue", "on"], ["overdue", "vs"], ["overdue", "versus"], ["late", "against"], ["late", "vs"], ["behind", "against"], ["missed"], ["miss"],
        ["misses"], ["past"], ["passed"], ["beyond"], ["overran"], ["overrun"], ["exceeded"],
    ];

    private static readonly (string[] Words, Comparison Comparison)[] Comparisons =
    [
        (["more", "than"], Comparison.Above), (["greater", "than"], Comparison.Above), (["higher", "than"], Comparison.Above),
        (["bigger", "than"], Comparison.Above), (["larger", "than"], Comparison.Above), (["over"], Comparison.Above), (["above"], Comparison.Above),
        (["exceeding"], Comparison.Above), (["longer", "than"], Comparison.Above), (["shorter", "than"], Comparison.Below), (["in", "excess", "of"], Comparison.Above), (["at", "least"], Comparison.AtLeast),
        (["no", "less", "than"], Comparison.AtLeast), (["less", "than"], Comparison.Below), (["fewer", "than"], Comparison.Below),
        (["lower", "than"], Comparison.Below), (["smaller", "than"], Comparison.Below), (["under"], Comparison.Below), (["below"], Comparison.Below),
        (["at", "most"], Comparison.AtMost), (["no", "more", "than"], Comparison.AtMost), (["up", "to"], Comparison.AtMost),
        (["exactly"], Comparison.Equal), (["equal", "to"], Comparison.Equal), (["still", "on"], Comparison.Equal), (["on"], Comparison.Equal),
        (["at"], Comparison.Equal),
    ];

    private static readonly HashSet<string> PercentWords = new(StringComparer.Ordinal) { "complete", "completed", "done", "finished", "through", "progress", "progressed" };
    private static readonly HashSet<string> TaskNouns = new(StringComparer.Ordinal)
    {
        "milestone", "milestones", "task", "tasks", "item", "items", "activity", "activities", "duration", "durations", "long", "events", "event",
    };
    private static readonly HashSet<string> DayUnits = new(StringComparer.Ordinal) { "day", "days", "d", "dayer", "working" };
    private static readonly HashSet<string> BoxWords = new(StringComparer.Ordinal) { "box", "boxes", "flag", "column", "checkbox", "tickbox", "field", "tick" };
    private static readonly HashSet<string> TickedWords = new(StringComparer.Ordinal) { "ticked", "checked", "true", "yes", "selected", "set", "marked", "on" };
    private static readonly HashSet<string> UntickedWords = new(StringComparer.Ordinal) { "unticked", "unchecked", "false", "clear", "cleared", "empty" };
    private static readonly HashSet<string> ValueFillers = new(StringComparer.Ordinal) { "of", "is", "are", "was", "were", "that", "which", "value", "amount", "total", "worth" };

    // Words skipped between a column and what is said of it; built once, as the reader tries each rule on every word.
    private static readonly HashSet<string> ComparedDateFillers = new(StringComparer.Ordinal) { "is", "are", "was", "now", "date", "dates" };
    private static readonly HashSet<string> WindowFillers = new(StringComparer.Ordinal) { "in", "within", "during", "for", "of", "falling", "that", "is", "set" };
    private static readonly HashSet<string> BlankFillers = new(StringComparer.Ordinal) { "given", "set", "recorded", "entered", "filled", "in" };
    private static readonly HashSet<string> TickedFillers = new(StringComparer.Ordinal) { "the", "as", "for" };
    private static readonly HashSet<string> TickValueFillers = new(StringComparer.Ordinal) { "is", "are", "was", "been", "has", "have", "equals", "equal" };

    /// <summary>
    /// The conditions on columns the question asks for, marking their words in <paramref name="consumed"/>. When the
    /// question put its due <paramref name="window"/> on a date column ("a target date in March"), the window is taken
    /// into a condition of its own and <see cref="ColumnReading.TookWindow"/> says so.
    /// </summary>
    public static ColumnReading Read(string question, IReadOnlyList<Word> words, bool[] consumed, PlanIndex index, DateOnly today, DueWindow? window)
    {
        var reading = new Reading(question, [.. words.Select(w => w.Text)], consumed, index, today, window);
        reading.Run();
        return new ColumnReading(reading.Sets, reading.TookWindow);
    }

    private sealed class Reading(string question, List<string> words, bool[] consumed, PlanIndex index, DateOnly today, DueWindow? window)
    {
        public bool TookWindow { get; private set; }

        private PlanColumns? _columns;
        private PlanColumns Columns => _columns ??= PlanColumns.For(index);
        private HashSet<string>? _percentNumbers;

        public List<MilestoneSet> Sets { get; } = [];

        public void Run()
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (consumed[i]) continue;
                _ = TryDateInWindow(i) || TryDateComparison(i) || TrySlipped(i) || TryPastDate(i) || TryMissingColumn(i) || TryForecastQualifier(i) || TryPercent(i) || TryHalf(i) || TryPartly(i)
                    || TryDuration(i) || TryTick(i) || TryAmount(i);
            }
        }

        private bool Free(int i) => i >= 0 && i < words.Count && !consumed[i];

        private bool At(int i, string[] phrase)
        {
            if (i + phrase.Length > words.Count) return false;
            for (var k = 0; k < phrase.Length; k++)
                if (!Free(i + k) || words[i + k] != phrase[k]) return false;
            return true;
        }

        private void Consume(int from, int to)
        {
            for (var k = from; k < to; k++) consumed[k] = true;
        }

        private int SkipFillers(int i, IReadOnlySet<string> fillers)
        {
            while (Free(i) && fillers.Contains(words[i])) i++;
            return i;
        }

        /// <summary>A baseline or forecast date named at <paramref name="i"/> ("baseline finish", "planned end", "forecast"), and where its words end.</summary>
        private (DateColumn Column, int End)? DateNamed(int i)
        {
            if (!Free(i)) return null;
            DateColumn? column = BaselineWords.Contains(words[i]) ? DateColumn.Baseline : ForecastWords.Contains(words[i]) ? DateColumn.Forecast : null;
            if (column is null) return null;
            var end = i + 1;
            // "originally due", "target completion date": up to two words that say which date it is.
            for (var k = 0; k < 2 && Free(end) && DateTails.Contains(words[end]); k++) end++;
            // A bare "plan", "target" or "current" says nothing of a date ("the plan", "current status").
            if (end == i + 1 && words[i] is "plan" or "target" or "current" or "latest" or "expected" or "agreed" or "revised" or "original") return null;
            return (column.Value, end);
        }

        private DateOnly? DateOf(Milestone m, DateColumn column) => column switch
        {
            DateColumn.Baseline => m.NoBaselineDue ? null : m.Due.Date,
            _ => m.EffectiveDue,
        };

        private static string Label(DateColumn column) => column == DateColumn.Baseline ? "baseline date" : "forecast date";

        /// <summary>How an answer names the date: as the question did when it said which ("revised end", "planned finish"), else "baseline date" or "forecast date".</summary>
        private string Said(DateColumn column, int from, int end) =>
            end - from >= 2 && !CurrentDateWords.Contains(words[from]) ? string.Join(' ', words.Skip(from).Take(end - from)) : Label(column);

        /// <summary>"a revised end later than the planned end", "forecast after the baseline".</summary>
        private bool TryDateComparison(int i)
        {
            // "finishing later than baseline", "due after the planned date": the current date, compared with the other.
            var first = DateNamed(i) ?? (Free(i) && CurrentDateWords.Contains(words[i]) ? (DateColumn.Forecast, SkipFillers(i + 1, DateTails)) : null);
            if (first is not { } named) return false;
            var j = SkipFillers(named.End, ComparedDateFillers);
            if (!Free(j)) return false;
            int? direction = words[j] is "later" or "after" or "beyond" or "past" ? 1 : words[j] is "earlier" or "before" or "sooner" ? -1
                : words[j] is "different" or "differs" or "differing" or "changed" ? 0 : null;
            if (direction is null) return false;
            var k = j + 1;
            if (Free(k) && words[k] is "than" or "from" or "to") k++;
            k = SkipFillers(k, Possessives);
            if (DateNamed(k) is not { } second || second.Column == named.Column) return false;
            Consume(i, second.End);
            Sets.Add(DatesCompared(named.Column, second.Column, direction.Value, Said(named.Column, i, named.End), Said(second.Column, k, second.End)));
            return true;
        }

        /// <summary>
        /// "have a target date in March", "with a baseline finish in Q4": the window is on that date, and every milestone
        /// whose date falls in it is meant, done or not, since the question is about the date.
        /// </summary>
        private bool TryDateInWindow(int i)
        {
            if (window is null || TookWindow || !Free(i) || words[i] is not ("have" or "has" or "having" or "with")) return false;
            var j = SkipFillers(i + 1, Possessives);
            if (DateNamed(j) is not { } named || named.End == j + 1 && words[j] is not ("baseline" or "forecast")) return false;
            var e = SkipFillers(named.End, WindowFillers);
            if (e >= words.Count || !consumed[e]) return false;
            Consume(i + 1, named.End);
            Consume(named.End, e);
            TookWindow = true;
            var column = named.Column;
            var said = Said(column, j, named.End);
            var members = Where(m => DateOf(m, column) is { } date && window.Contains(date));
            var when = window.Description.StartsWith("due ", StringComparison.Ordinal) ? window.Description[4..] : window.Description;
            Sets.Add(new MilestoneSet($"with a {said} {when}", members));
            return true;
        }

        /// <summary>"slipped from their baseline", "moved beyond the planned end": the forecast is later than the baseline.</summary>
        private bool TrySlipped(int i)
        {
            if (!Free(i) || words[i] is not ("slipped" or "slipping" or "slip" or "slips" or "moved" or "drifted")) return false;
            if (!Free(i + 1) || words[i + 1] is not ("from" or "against" or "beyond" or "past" or "behind" or "vs" or "versus" or "off")) return false;
            var j = SkipFillers(i + 2, Possessives);
            if (DateNamed(j) is not { Column: DateColumn.Baseline } named)
            {
                if (!Free(j) || words[j] is not ("baseline" or "plan" or "planned" or "original")) return false;
                named = (DateColumn.Baseline, j + 1);
            }
            Consume(i, named.End);
            Sets.Add(DatesCompared(DateColumn.Forecast, DateColumn.Baseline, 1, Label(DateColumn.Forecast), Said(DateColumn.Baseline, j, named.End)));
            return true;
        }

        private MilestoneSet DatesCompared(DateColumn a, DateColumn b, int direction, string saidA, string saidB)
        {
            var members = Where(m => DateOf(m, a) is { } x && DateOf(m, b) is { } y && (direction > 0 ? x > y : direction < 0 ? x < y : x != y));
            var undated = Where(m => DateOf(m, a) is null || DateOf(m, b) is null).Length;
            var how = direction > 0 ? "later than" : direction < 0 ? "earlier than" : "different from";
            return new MilestoneSet($"with a {saidA} {how} the {saidB}{Blanks(undated, "without both dates")}", members);
        }

        /// <summary>"gone past their baseline date", "missed their target date", "overdue against forecast": not finished, and that date is before today.</summary>
        private bool TryPastDate(int i)
        {
            var past = PastPhrases.FirstOrDefault(p => At(i, p));
            if (past is null) return false;
            var j = SkipFillers(i + past.Length, Possessives);
            if (DateNamed(j) is not { } named)
            {
                // "overdue against forecast": the forecast word alone is enough after a word that says late.
                if (!Free(j) || !ForecastWords.Contains(words[j]) && !BaselineWords.Contains(words[j]) || words[j] is "plan" or "current") return false;
                named = (BaselineWords.Contains(words[j]) ? DateColumn.Baseline : DateColumn.Forecast, j + 1);
            }
            Consume(i, named.End);
            var column = named.Column;
            var members = Where(m => !m.IsFinished && DateOf(m, column) is { } date && date < today);
            var undated = Where(m => !m.IsFinished && DateOf(m, column) is null).Length;
            var said = Said(column, j, named.End);
            Sets.Add(new MilestoneSet($"not finished and past their {said}{Blanks(undated, $"still open with no {said}")}", members));
            return true;
        }

        /// <summary>"no baseline finish", "without a forecast date", "no budget": milestones with nothing in that column.</summary>
        private bool TryMissingColumn(int i)
        {
            var negation = QuestionVocabulary.FieldNegations.FirstOrDefault(p => At(i, p));
            if (negation is null) return false;
            var j = SkipFillers(i + negation.Length, QuestionVocabulary.FieldFillers);
            if (DateNamed(j) is { } named)
            {
                // "no revised date" is the reader's own: a revision not made. A forecast not given is no date at all.
                if (named.Column != DateColumn.Baseline && words[j] is "revised") return false;
                Consume(i, named.End);
                Sets.Add(named.Column == DateColumn.Baseline
                    ? new MilestoneSet("with no baseline date", Where(m => m.NoBaselineDue || m.Due.Date is null))
                    : new MilestoneSet("with no forecast date", Where(m => m.EffectiveDue is null)));
                return true;
            }
            if (Columns.Named(words, j, Free) is not { } column || column.Column.Kind == ColumnKind.Text) return false;
            var end = SkipFillers(j + column.Length, BlankFillers);
            Consume(i, end);
            var values = column.Column.Values;
            Sets.Add(new MilestoneSet($"with no {column.Column.Header} given", [.. Enumerable.Range(0, values.Length).Where(k => values[k] is null)]));
            return true;
        }

        /// <summary>"on the forecast dates", "using revised dates", "forecast to land": the current date, which is what due windows use anyway.</summary>
        private bool TryForecastQualifier(int i)
        {
            if (Free(i) && words[i] is "on" or "using" or "by" or "per" or "from" or "against")
            {
                var j = SkipFillers(i + 1, Possessives);
                if (Free(j) && ForecastWords.Contains(words[j]) && words[j] is not ("current" or "latest" or "expected"))
                {
                    var end = j + 1;
                    while (Free(end) && DateTails.Contains(words[end])) end++;
                    if (end > j + 1 || words[j] is "forecast" or "forecasts")
                    {
                        Consume(i, end);
                        return true;
                    }
                }
            }
            if (Free(i) && words[i] is "forecast" or "forecasted" && Free(i + 1) && words[i + 1] is "to" or "for" or "in")
            {
                var end = i + 1;
                if (words[i + 1] == "to")
                {
                    end = i + 2;
                    if (Free(end) && words[end] == "be") end++;
                    if (Free(end) && words[end] is "land" or "delivered" or "deliver" or "complete" or "completed" or "finish" or "finished" or "done" or "met" or "achieved" or "close" or "closed")
                        end++;
                    else return false;
                }
                Consume(i, end);
                return true;
            }
            return false;
        }

        /// <summary>"still on 0%", "100% complete", "over 50% done": the percent complete column.</summary>
        private bool TryPercent(int i)
        {
            if (Columns.Percent is not { } column) return false;
            var (comparison, j) = ComparisonAt(i);
            if (!Free(j) || !IsPercentNumber(j, out var value, out var unitWords)) return false;
            var end = j + 1 + unitWords;
            (comparison, end) = OrMore(comparison, end);
            if (Free(end) && PercentWords.Contains(words[end])) end++;
            Consume(i, end);
            Sets.Add(Compare(column, comparison, value, $"{ComparisonWords(comparison)}{Number(value)}% complete"));
            return true;
        }

        /// <summary>"more than half done", "at least halfway", "past halfway".</summary>
        private bool TryHalf(int i)
        {
            if (Columns.Percent is not { } column) return false;
            var (comparison, j) = ComparisonAt(i);
            if (Free(j) && words[j] == "past") (comparison, j) = (Comparison.Above, j + 1);
            if (!Free(j)) return false;
            int end;
            if (words[j] == "halfway") end = j + 1;
            else if (words[j] == "half" && Free(j + 1) && words[j + 1] is "way" or "done" or "complete" or "completed" or "finished" or "through") end = j + 1;
            else return false;
            while (Free(end) && (PercentWords.Contains(words[end]) || words[end] == "way")) end++;
            if (j == i) comparison = Comparison.AtLeast;
            Consume(i, end);
            Sets.Add(Compare(column, comparison, 50, $"{(j == i ? "at least " : ComparisonWords(comparison))}half complete"));
            return true;
        }

        /// <summary>"partly done", "partially complete": started, not finished, by percent complete.</summary>
        private bool TryPartly(int i)
        {
            if (Columns.Percent is not { } column || !Free(i) || words[i] is not ("partly" or "partially" or "part")) return false;
            if (!Free(i + 1) || words[i + 1] is not ("done" or "complete" or "completed" or "finished" or "through")) return false;
            Consume(i, i + 2);
            var values = column.Values;
            Sets.Add(new MilestoneSet("partly complete (over 0% and under 100%)" + Blanks(column.Blanks, $"with no {column.Header} given"),
                [.. Enumerable.Range(0, values.Length).Where(k => values[k] is > 0 and < 100)]));
            return true;
        }

        /// <summary>"the 0-day milestones", "milestones (0 day tasks)", "zero duration", "tasks over 20 days long".</summary>
        private bool TryDuration(int i)
        {
            if (Columns.Duration is not { } column) return false;
            if (At(i, ["zero", "duration"]) || At(i, ["0", "duration"]))
            {
                Consume(i, i + 2);
                Sets.Add(Compare(column, Comparison.Equal, 0, "of 0 days' duration"));
                return true;
            }
            var (comparison, j) = ComparisonAt(i);
            if (comparison is Comparison.Equal && j > i) return false; // "on 3 days" is not how a duration is asked
            if (!Free(j)) return false;
            double value;
            int end;
            if (DurationWord().Match(words[j]) is { Success: true } joined) // "0d"
            {
                value = double.Parse(joined.Groups["n"].Value, CultureInfo.InvariantCulture);
                end = j + 1;
            }
            else if (NumberOf(words[j]) is { } n && Free(j + 1) && DayUnits.Contains(words[j + 1]))
            {
                value = n;
                end = j + 2;
                if (words[j + 1] == "working" && Free(end) && words[end] is "day" or "days") end++;
            }
            else return false;
            // A duration is asked about a task ("0 day tasks", "20 days long"), not a window ("in 30 days").
            var before = j - 1 >= 0 ? words[j - 1] : "";
            // "more than 30 days overdue", "due within 10 days" are about dates, not lengths.
            if (Free(end) && words[end] is "overdue" or "late" or "away" or "ago" or "behind" or "old" or "past" or "time" or "left") return false;
            var saysLength = j > i && words[i] is "longer" or "shorter" || i > 0 && TaskNouns.Contains(words[i - 1]) && j > i;
            if (!(Free(end) && TaskNouns.Contains(words[end])) && before is not ("duration" or "lasting" or "durations") && !saysLength) return false;
            if (Free(end) && words[end] is "long" or "duration") end++;
            Consume(i, end);
            Sets.Add(Compare(column, comparison, value, $"of {ComparisonWords(comparison)}{Number(value)} days' duration"));
            return true;
        }

        /// <summary>"the At Risk box ticked", "At Risk not ticked", "with Escalate = yes".</summary>
        private bool TryTick(int i)
        {
            var start = i;
            var leading = Free(i) && words[i] is "ticked" or "checked" or "flagged";
            if (leading) i = SkipFillers(i + 1, TickedFillers);
            if (Columns.Named(words, i, Free) is not { } named || named.Column.Kind != ColumnKind.Tick) return false;
            var end = i + named.Length;
            bool ticked;
            if (leading) ticked = true;
            else
            {
                end = SkipFillers(end, BoxWords);
                end = SkipFillers(end, TickValueFillers);
                // "At Risk set to true": the value the box was set to.
                if (At(end, ["set", "to"]) || At(end, ["marked", "as"])) end += 2;
                if (Free(end) && words[end] == "not" && Free(end + 1) && TickedWords.Contains(words[end + 1])) (ticked, end) = (false, end + 2);
                else if (Free(end) && TickedWords.Contains(words[end])) (ticked, end) = (true, end + 1);
                else if (Free(end) && UntickedWords.Contains(words[end])) (ticked, end) = (false, end + 1);
                else if (end > i + named.Length && Free(end - 1) && BoxWords.Contains(words[end - 1])) ticked = true; // "with the At Risk flag"
                else return false;
            }
            Consume(start, end);
            var column = named.Column;
            Sets.Add(Compare(column, Comparison.Equal, ticked ? 1 : 0, $"with {column.Header} {(ticked ? "ticked" : "not ticked")}"));
            return true;
        }

        /// <summary>"a budget over £100k", "cost of at least 50,000", "story points above 5": any column of numbers, by its header.</summary>
        private bool TryAmount(int i)
        {
            if (Columns.Named(words, i, Free) is not { } named || named.Column.Kind != ColumnKind.Number) return false;
            var j = SkipFillers(i + named.Length, ValueFillers);
            var (comparison, k) = ComparisonAt(j);
            if (!Free(k) || !TryAmountAt(k, out var typed, out var hasUnit, out var end)) return false;
            // "a budget of 100k" on its own is too loose to be a condition; "of 100k or more" is one.
            if (k == j && !At(end, ["or", "more"]) && !At(end, ["or", "less"]) && !At(end, ["or", "over"]) && !At(end, ["or", "above"])
                && !At(end, ["or", "under"]) && !At(end, ["or", "below"]) && !At(end, ["and", "above"]) && !At(end, ["and", "below"]) && !At(end, ["plus"]))
                return false;
            var column = named.Column;
            // A plain number is in the column's own unit ("budget over 100" in £k); "£100k" is an amount of money.
            var value = hasUnit ? typed : typed * column.Scale;
            (comparison, end) = OrMore(comparison, end);
            Consume(i, end);
            Sets.Add(Compare(column, comparison, value, $"with {column.Header} {ComparisonWords(comparison)}{Money(column, typed, hasUnit)}"));
            return true;
        }

        private bool TryAmountAt(int k, out double value, out bool hasUnit, out int end)
        {
            value = 0;
            hasUnit = false;
            end = k;
            var match = AmountWord().Match(words[k]);
            if (!match.Success) return false;
            value = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            end = k + 1;
            // "100,000" reads as "100 000".
            while (Free(end) && words[end].Length == 3 && words[end].All(char.IsDigit) && match.Groups["s"].Length == 0)
            {
                value = value * 1000 + double.Parse(words[end], CultureInfo.InvariantCulture);
                end++;
            }
            // "£100", "100,000": written as money or in full, the number is an amount, not in the column's unit.
            hasUnit = end > k + 1 || MoneyNumbers.Contains(words[k]);
            var suffix = match.Groups["s"].Value;
            if (suffix.Length == 0 && Free(end) && words[end] is "k" or "thousand" or "m" or "million" or "bn" or "billion")
                suffix = words[end++];
            var multiplier = suffix switch { "k" or "thousand" => 1_000, "m" or "million" => 1_000_000, "bn" or "billion" => 1_000_000_000, _ => 0 };
            if (multiplier > 0) value *= multiplier;
            hasUnit |= multiplier > 0;
            return true;
        }

        /// <summary>"50% or more", "£1m and above", "10 days or less": the words after a number widen an equal one.</summary>
        private (Comparison Comparison, int End) OrMore(Comparison comparison, int end)
        {
            if (comparison != Comparison.Equal) return (comparison, end);
            if (At(end, ["or", "more"]) || At(end, ["or", "over"]) || At(end, ["or", "above"]) || At(end, ["and", "above"]) || At(end, ["or", "higher"]))
                return (Comparison.AtLeast, end + 2);
            if (At(end, ["plus"])) return (Comparison.AtLeast, end + 1);
            if (At(end, ["or", "less"]) || At(end, ["or", "under"]) || At(end, ["or", "below"]) || At(end, ["and", "below"]) || At(end, ["or", "fewer"]))
                return (Comparison.AtMost, end + 2);
            return (comparison, end);
        }

        private (Comparison Comparison, int Next) ComparisonAt(int i)
        {
            foreach (var (phrase, comparison) in Comparisons)
                if (At(i, phrase)) return (comparison, i + phrase.Length);
            return (Comparison.Equal, i);
        }

        /// <summary>A number the question writes as a percentage ("0%", "50 percent", "50 per cent").</summary>
        private bool IsPercentNumber(int j, out double value, out int unitWords)
        {
            unitWords = 0;
            value = 0;
            if (NumberOf(words[j]) is not { } n) return false;
            value = n;
            if (Free(j + 1) && words[j + 1] is "percent" or "pc") unitWords = 1;
            else if (At(j + 1, ["per", "cent"])) unitWords = 2;
            else if (!PercentNumbers.Contains(words[j])) return false;
            return true;
        }

        private HashSet<string> MoneyNumbers =>
            _moneyNumbers ??= [.. MoneyText().Matches(question).Select(m => m.Groups["n"].Value.ToLowerInvariant())];

        private HashSet<string>? _moneyNumbers;

        private HashSet<string> PercentNumbers =>
            _percentNumbers ??= [.. PercentText().Matches(question).Select(m => m.Groups["n"].Value)];

        private MilestoneSet Compare(PlanColumn column, Comparison comparison, double value, string description)
        {
            var values = column.Values;
            var members = Enumerable.Range(0, values.Length).Where(k => values[k] is { } v && comparison switch
            {
                Comparison.Above => v > value,
                Comparison.AtLeast => v >= value,
                Comparison.Below => v < value,
                Comparison.AtMost => v <= value,
                _ => Math.Abs(v - value) < 1e-9,
            }).ToArray();
            return new MilestoneSet(description + Blanks(column.Blanks, $"with no {column.Header} given"), members);
        }

        private int[] Where(Func<Milestone, bool> test) =>
            [.. Enumerable.Range(0, index.Milestones.Count).Where(k => test(index.Milestones[k]))];

        private static string Blanks(int count, string what) =>
            count == 0 ? string.Empty : $" ({count} {(count == 1 ? "milestone" : "milestones")} {what})";

        private static string ComparisonWords(Comparison comparison) => comparison switch
        {
            Comparison.Above => "over ",
            Comparison.AtLeast => "at least ",
            Comparison.Below => "under ",
            Comparison.AtMost => "at most ",
            _ => "",
        };

        private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

        private static string Money(PlanColumn column, double typed, bool hasUnit)
        {
            var amount = !hasUnit ? Number(typed)
                : typed >= 1_000_000 ? Number(typed / 1_000_000) + "m"
                : typed >= 1_000 ? Number(typed / 1_000) + "k"
                : Number(typed);
            return hasUnit ? (column.Currency ?? "") + amount : amount;
        }

        private static double? NumberOf(string word) =>
            word == "zero" ? 0
            : word.Length > 0 && char.IsDigit(word[0]) && double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n
            : null;
    }

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s*cent\b)", RegexOptions.IgnoreCase)]
    private static partial Regex PercentText();

    [GeneratedRegex(@"[£$€]\s*(?<n>\d+(?:\.\d+)?(?:k|m|bn)?)", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyText();

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)(?:d|days?)$")]
    private static partial Regex DurationWord();

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)(?<s>k|m|bn)?$")]
    private static partial Regex AmountWord();
}

/// <summary>What <see cref="ColumnQuestionReader"/> read: the column conditions, and whether it took the question's due window onto one.</summary>
public sealed record ColumnReading(IReadOnlyList<MilestoneSet> Sets, bool TookWindow);
