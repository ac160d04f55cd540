using System.Text;
using PlanBot.BotFramework.Cards;

namespace PlanBot.BotFramework.Tests.Cards;

public class CardSizeTests
{
    [Fact]
    public void Size_is_the_utf16_byte_count_of_the_json()
    {
        var card = new AdaptiveCard { Body = { new TextBlock("Jo ✅ 👩🏽‍⚕️") } };

        Assert.Equal(Encoding.Unicode.GetByteCount(card.ToJson()), card.MeasureSize());
        Assert.Equal(card.ToJson().Length * 2, card.MeasureSize());
    }

    [Fact]
    public void Default_limit_is_28_KB_far_below_the_100_KB_Teams_allows()
    {
        Assert.Equal(28 * 1024, AdaptiveCard.DefaultMaxSizeBytes);
    }

    [Fact]
    public void A_card_over_the_limit_throws_with_its_size_so_the_caller_can_split_it()
    {
        var card = new AdaptiveCard();
        for (var i = 0; i < 40; i++)
        {
            card.Body.Add(new TextBlock(new string('x', 400)));
        }

        var error = Assert.Throws<CardTooLargeException>(() => card.ToAttachment());

        Assert.Equal(card.MeasureSize(), error.SizeBytes);
        Assert.Equal(AdaptiveCard.DefaultMaxSizeBytes, error.LimitBytes);
        Assert.True(error.SizeBytes > error.LimitBytes);
        Assert.Contains("split", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limit_can_be_chosen_per_call()
    {
        var card = new AdaptiveCard { Body = { new TextBlock("Short") } };
        var size = card.MeasureSize();

        card.EnsureWithinSize(size);
        Assert.Throws<CardTooLargeException>(() => card.EnsureWithinSize(size - 1));
        Assert.NotNull(card.ToAttachment(maxSizeBytes: size));
    }

    [Fact]
    public void The_sample_card_with_every_element_fits_the_default_limit()
    {
        SampleCards.EveryElementAndAction().EnsureWithinSize();
    }
}
