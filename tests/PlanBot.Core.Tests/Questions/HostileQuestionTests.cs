using System.Text;
using PlanBot.Core.Plans;
using PlanBot.Core.Questions;
using PlanBot.Core.Tests.Questions.SeedQuestions;
using static PlanBot.Core.Plans.MilestoneStatus;
using static PlanBot.Core.Tests.Questions.QuestionPlans;

namespace PlanBot.Core.Tests.Questions;

/// <summary>Whatever arrives in chat: the reader never throws, never guesses, and never echoes markup back.</summary>
public sealed class HostileQuestionTests
{
    private static PlanIndex Plan() => Index(
        M("1", "Budget", Delayed, due: "2020-01-10", owner: "Sue Graham", department: "Finance"),
        M("2", "Ledger", Complete, due: "2019-12-10", owner: "Louis Kamfer", team: "CFO (AD)"),
        M("3", "Rota", NotStarted, due: "2020-03-10", owner: "Mark Balaam"));

    public static TheoryData<string, string> Hostile() => new()
    {
        { "10,000 letters", new string('x', 10_000) },
        { "10,000 words", string.Concat(Enumerable.Repeat("zq ", 3_400)) },
        { "10,000 mixed characters", string.Concat(Enumerable.Range(0, 10_000).Select(i => (char)('!' + i % 90))) },
        { "script tag", "<script>alert('pwned')</script>" },
        { "html", "<img src=x onerror=alert(1)><b>bold</b>" },
        { "markdown link", "[click here](https://evil.example/phish)" },
        { "markdown image", "![x](javascript:alert(1))" },
        { "control characters", "\u0000\u0001\u0007\u001b[31m\u007f\r\n\t" },
        { "zero-width characters", "\u200B\u200C\u200D\uFEFF\u2060" },
        { "bidi override", "\u202E\u202Deudrevo\u202C\u2066\u2069" },
        { "emoji", "🔥🔥🚑 👩‍👩‍👧‍👦 🏴󠁧󠁢󠁷󠁬󠁳󠁿" },
        { "Welsh", "Beth sy'n hwyr yn y cynllun?" },
        { "Chinese", "哪些里程碑逾期了？" },
        { "Arabic", "ما هي المعالم المتأخرة؟" },
        { "only punctuation", "!!! ... ;;; --- ((( ))) ,,, ''' \"\"\" *** ___ ~~~" },
        { "question marks and dots", "?? ... ?.?.? .?." },
        { "very many numbers", string.Join(' ', Enumerable.Range(1_000, 5_000)) },
        { "very long number", new string('9', 5_000) },
        { "dotted numbers", string.Join('.', Enumerable.Repeat("12345", 2_000)) },
        { "SQL", "'; DROP TABLE Milestones; --" },
        { "format strings", "{0} {1} %s %n %x ${jndi:ldap://x}" },
        { "regex bait", "((((((((((a+)+)+)+)+)+)+)+)+)+)+$" },
        { "path", "../../etc/passwd" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_input_is_not_understood_and_never_throws(string label, string question)
    {
        foreach (var index in new[] { Plan(), SeedPlans.Index("odkm") })
        {
            var answer = QuestionAnswerer.Ask(question, index, Today, "Sue Graham");

            Assert.True(answer.Kind == QuestionKind.NotUnderstood, $"{label}: {answer.Kind} — {answer.Text}");
            Assert.Empty(answer.Milestones);
            Assert.StartsWith("Sorry, I didn't understand that.", answer.Text);
        }
    }

    [Theory]
    [InlineData("<script>alert('pwned')</script> what's overdue")]
    [InlineData("what's overdue <script src=//evil.example/x.js></script>")]
    [InlineData("[overdue](https://evil.example/phish)")]
    [InlineData("what does [Sue Graham](https://evil.example) own")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[click here](javascript:alert(1))")]
    [InlineData("who owns [#1](https://evil.example)")]
    [InlineData("status of <script>#99</script>")]
    [InlineData("what does <script>mark</script> own")]
    public void An_answer_never_repeats_markup_from_the_question(string question)
    {
        foreach (var index in new[] { Plan(), SeedPlans.Index("odkm") })
        {
            var answer = QuestionAnswerer.Ask(question, index, Today, "Sue Graham");

            Assert.DoesNotContain("<script", answer.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("](", answer.Text);
            Assert.DoesNotContain("javascript:", answer.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script", answer.Reason ?? "", StringComparison.OrdinalIgnoreCase);
            foreach (var choice in answer.Choices)
            {
                Assert.DoesNotContain("<script", choice.Question, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("](", choice.Question);
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Nothing_at_all_is_not_understood(string? question)
    {
        var answer = Plan().Ask(question!);

        Assert.Equal(QuestionKind.NotUnderstood, answer.Kind);
    }

    // Built in code, not theory data: xunit's serialisation of theory data would replace a lone surrogate with U+FFFD.
    [Fact]
    public void A_surrogate_pair_cut_by_the_length_limit_or_a_lone_surrogate_does_not_throw()
    {
        var cut = new string('x', QuestionText.MaxLength - 1) + "🔥 overdue";
        foreach (var question in new[] { cut, "overdue \uD800", "\uDC00overdue", "\uD800 \uDC00 \uDBFF" })
        {
            var exception = Record.Exception(() => Plan().Ask(question));
            Assert.Null(exception);
            Assert.Null(Record.Exception(() => QuestionReader.TryReadCommand(question)));
        }
    }

    [Fact]
    public void An_emoji_that_fits_within_the_length_limit_is_ignored()
    {
        var question = "🔥 " + new string(' ', QuestionText.MaxLength - 10) + "🔥";

        Assert.Equal(QuestionKind.NotUnderstood, Plan().Ask(question).Kind);
        Assert.Equal(["1"], Plan().Ask("🔥 overdue 🔥").Refs());
    }

    [Fact]
    public void A_lone_question_mark_is_help()
    {
        Assert.Equal(QuestionKind.Help, Plan().Ask("?").Kind);
    }

    [Theory]
    [InlineData("over\u200Bdue")]
    [InlineData("\u202Aoverdue\u202C")]
    [InlineData("OVERDUE!!!")]
    [InlineData("  overdue\r\n")]
    [InlineData("óverdüe")]
    public void Invisible_characters_accents_and_wide_letters_do_not_hide_a_keyword(string question)
    {
        var answer = Plan().Ask(question);

        Assert.Equal(QuestionKind.List, answer.Kind);
        Assert.Equal(["1"], answer.Refs());
    }

    [Fact]
    public void A_real_question_past_the_length_limit_is_read_from_its_start()
    {
        var question = "what's overdue" + new string(' ', 2 * QuestionText.MaxLength) + " in finance";

        var answer = Plan().Ask(question);

        Assert.Equal(QuestionKind.List, answer.Kind);
        Assert.DoesNotContain("Finance", answer.Text);
    }

    [Fact]
    public void Many_hashed_references_that_do_not_exist_are_politely_refused_not_an_error()
    {
        var question = string.Join(' ', Enumerable.Range(100, 2_000).Select(i => "#" + i));

        var answer = Plan().Ask(question);

        Assert.Equal(QuestionKind.NotUnderstood, answer.Kind);
        Assert.Contains("ask one short question at a time", answer.Text);
        Assert.True(answer.Text.Length < 1_000, $"{answer.Text.Length} characters");
    }

    [Fact]
    public void A_few_hashed_references_that_do_not_exist_are_named()
    {
        var answer = Plan().Ask("#100 #101 #102");

        Assert.Equal(QuestionKind.Unanswerable, answer.Kind);
        Assert.StartsWith("There is no milestone #100, #101, #102", answer.Text);
    }

    [Fact]
    public void Reading_a_long_hostile_question_is_quick()
    {
        var index = SeedPlans.Index("odkm");
        var question = string.Join(' ', Enumerable.Range(0, 2_000).Select(i => "qwertyuiop"[i % 10] + "xxxxyyyy"));
        QuestionAnswerer.Ask(question, index, Today);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 20; i++) QuestionAnswerer.Ask(question, index, Today);

        // Generous: a few milliseconds each on a laptop; the bound only catches work that grows with the question's length.
        Assert.True(clock.ElapsedMilliseconds < 5_000, $"{clock.ElapsedMilliseconds} ms for 20 questions");
    }
}
