using PlanBot.BotFramework.Cards;

namespace PlanBot.BotFramework.Tests.Cards;

public class CardTextTests
{
    [Theory]
    [InlineData("**Bold** _it_", @"\*\*Bold\*\* \_it\_")]
    [InlineData("~~gone~~ `code`", @"\~\~gone\~\~ \`code\`")]
    [InlineData("[x](https://evil.example)", @"\[x](https://evil.example)")]
    [InlineData("![img](https://evil.example/p.png)", @"!\[img](https://evil.example/p.png)")]
    [InlineData("<https://evil.example>", @"\<https://evil.example>")]
    [InlineData("<script>alert(1)</script>", @"\<script>alert(1)\</script>")]
    [InlineData("a | b", @"a \| b")]
    [InlineData(@"C:\Temp\", @"C:\\Temp\\")]
    public void Plain_text_escapes_inline_markdown_and_html(string text, string expected)
    {
        Assert.Equal(expected, CardText.Plain(text).Value);
    }

    [Theory]
    [InlineData("# Heading", @"\# Heading")]
    [InlineData("- item", @"\- item")]
    [InlineData("+ item", @"\+ item")]
    [InlineData("* item", @"\* item")]
    [InlineData("> quote", @"\> quote")]
    [InlineData("1. first", @"1\. first")]
    [InlineData("12) twelfth", @"12\) twelfth")]
    [InlineData("---", @"\---")]
    [InlineData("===", @"\===")]
    [InlineData("- - -", @"\- - -")]
    [InlineData("##", @"\##")]
    [InlineData("###### six", @"\###### six")]
    [InlineData("2.", @"2\.")]
    [InlineData("    indented", " indented")]
    public void Plain_text_neutralises_markdown_at_the_start_of_a_line(string text, string expected)
    {
        Assert.Equal(expected, CardText.Plain(text).Value);
    }

    [Theory]
    [InlineData("Budget - 2020 # 3 > 2 + 1 = 4. Done", "Budget - 2020 # 3 > 2 + 1 = 4. Done")]
    [InlineData("Tom & Jerry", "Tom & Jerry")]
    [InlineData("#23 Revise pathway one", "#23 Revise pathway one")]
    [InlineData("1.3.1 Estates strategy", "1.3.1 Estates strategy")]
    [InlineData("-5% on budget", "-5% on budget")]
    [InlineData("+44 20 7946 0000", "+44 20 7946 0000")]
    [InlineData("#HR-01", "#HR-01")]
    [InlineData("{single} braces", "{single} braces")]
    public void Plain_text_leaves_punctuation_alone_where_markdown_would_not_act_so_references_show_as_written(string text, string expected)
    {
        Assert.Equal(expected, CardText.Plain(text).Value);
    }

    [Fact]
    public void Plain_text_escapes_entities_and_card_text_functions()
    {
        Assert.Equal(@"\&amp; \&#42; \&#x2A; \&copy;", CardText.Plain("&amp; &#42; &#x2A; &copy;").Value);
        Assert.Equal(@"\{\{DATE(2020-03-31T00:00:00Z)}}", CardText.Plain("{{DATE(2020-03-31T00:00:00Z)}}").Value);
    }

    [Fact]
    public void Each_line_becomes_its_own_paragraph_so_line_breaks_survive_markdown()
    {
        Assert.Equal("one\n\n\\- two\n\n three  ", CardText.Plain("one\r\n- two\n\n\n  three  ").Value);
    }

    [Fact]
    public void Control_characters_and_bidi_overrides_are_dropped_but_newlines_kept()
    {
        var cleaned = TextSanitizer.Clean(SampleCards.TextWithControlCharacters + "\nnext\tline");

        Assert.Equal("Bell NUL escape[31m red evil done\nnext line", cleaned);
    }

    [Fact]
    public void Lone_surrogates_are_replaced_so_the_json_stays_valid()
    {
        Assert.Equal("a\uFFFDb", TextSanitizer.Clean("a\uD800b"));
    }

    [Fact]
    public void Emoji_accents_and_other_scripts_are_kept_unchanged()
    {
        const string text = "Gwasanaeth Iechyd Gwladol — Zażółć gęślą jaźń — Ελληνικά — Русский — עברית — العربية — 中文 — 👩🏽‍⚕️ 🇬🇧 ✅";

        Assert.Equal(text, CardText.Plain(text).Value);
    }

    [Fact]
    public void Absurdly_long_text_is_cut_with_an_ellipsis_without_splitting_an_emoji()
    {
        var text = new string('a', 9) + "👩🏽‍⚕️" + new string('b', 5000);

        var cut = TextSanitizer.Clean(text, maxLength: 12);

        Assert.Equal(new string('a', 9) + "…", cut);
        Assert.Equal(TextSanitizer.DefaultMaxLength, TextSanitizer.Clean(new string('x', 10_000)).Length);
    }

    [Fact]
    public void A_string_converts_to_plain_text_so_the_safe_path_is_the_default()
    {
        var block = new TextBlock("**not bold**");
        var fact = new Fact("_title_", "[value](https://evil.example)");

        Assert.Equal(@"\*\*not bold\*\*", block.Text.Value);
        Assert.Equal(@"\_title\_", fact.Title.Value);
        Assert.Equal(@"\[value](https://evil.example)", fact.Value.Value);
    }

    [Fact]
    public void Trusted_markdown_is_kept_and_can_be_joined_with_escaped_user_text()
    {
        var text = CardText.Markdown("**Owner:** ") + "_Jo_ Bloggs";

        Assert.Equal(@"**Owner:** \_Jo\_ Bloggs", text.Value);
        Assert.Equal("**Bold**", TextBlock.Markdown("**Bold**\u0007").Text.Value);
    }

    [Fact]
    public void A_string_joined_to_card_text_counts_as_plain_text()
    {
        CardText text = "**Owner:** " + CardText.Markdown("**Jo**");

        Assert.Equal(@"\*\*Owner:\*\* **Jo**", text.Value);
    }

    [Fact]
    public void Spaces_between_joined_texts_are_kept()
    {
        var text = CardText.Markdown("**Owner:**") + " " + "Jo  Bloggs " + CardText.Markdown("_(delivery)_");

        Assert.Equal("**Owner:** Jo  Bloggs _(delivery)_", text.Value);
    }

    [Fact]
    public void Input_labels_choices_and_action_titles_are_cleaned_but_not_escaped_because_they_are_not_markdown()
    {
        var input = new TextInput("x") { Label = "Owner_name\u0000", Placeholder = "e.g. *Jo*\u202E", Value = "a\u0007b" };
        var choice = new Choice("Digital **team**\u001b", "digital");
        var action = new SubmitAction("Send\u0000 _now_");

        Assert.Equal("Owner_name", input.Label);
        Assert.Equal("e.g. *Jo*", input.Placeholder);
        Assert.Equal("ab", input.Value);
        Assert.Equal("Digital **team**", choice.Title);
        Assert.Equal("Send _now_", action.Title);
    }

    [Fact]
    public void Null_and_empty_text_become_empty()
    {
        Assert.Equal(string.Empty, CardText.Plain(null).Value);
        Assert.Equal(CardText.Empty, CardText.Plain(""));
        Assert.Equal(string.Empty, default(CardText).Value);
    }
}
