using System.Text.Json.Nodes;
using PlanBot.BotFramework.Cards;
using PlanBot.BotFramework.Schema;

namespace PlanBot.BotFramework.Tests.Cards;

public class CardJsonShapeTests
{
    [Fact]
    public void Empty_card_has_type_schema_and_version_1_5_and_leaves_out_unset_properties()
    {
        var json = new AdaptiveCard().ToJson();

        Assert.Equal(
            """{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[]}""",
            json);
    }

    [Fact]
    public void Card_writes_refresh_actions_msteams_width_and_fallback_text()
    {
        var card = new AdaptiveCard
        {
            Refresh = new Refresh("refreshStatus", ["29:abc"]),
            MsTeams = TeamsCardProperties.FullWidth,
            FallbackText = "Milestone M1_2 is overdue",
            Body = { new TextBlock("Hello") },
            Actions = { new SubmitAction("Done") },
        };

        AssertJson(
            """
            {
              "type": "AdaptiveCard",
              "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
              "version": "1.5",
              "refresh": { "action": { "type": "Action.Execute", "title": "Refresh", "verb": "refreshStatus" }, "userIds": ["29:abc"] },
              "body": [ { "type": "TextBlock", "text": "Hello" } ],
              "actions": [ { "type": "Action.Submit", "title": "Done" } ],
              "msteams": { "width": "Full" },
              "fallbackText": "Milestone M1\\_2 is overdue"
            }
            """,
            card.ToJsonNode());
    }

    [Fact]
    public void TextBlock_writes_every_property_with_the_schema_names_and_values()
    {
        var block = new TextBlock("Status")
        {
            Wrap = true,
            Weight = TextWeight.Bolder,
            Size = TextSize.ExtraLarge,
            Color = TextColor.Attention,
            IsSubtle = true,
            Spacing = Spacing.ExtraLarge,
            Separator = true,
            MaxLines = 3,
        };

        AssertJson(
            """
            {
              "type": "TextBlock", "text": "Status", "wrap": true, "weight": "bolder", "size": "extraLarge",
              "color": "attention", "isSubtle": true, "maxLines": 3, "spacing": "extraLarge", "separator": true
            }
            """,
            BodyElement(block));
    }

    [Fact]
    public void Every_element_and_action_writes_type_as_its_first_property()
    {
        var json = SampleCards.EveryElementAndAction().ToJsonNode();

        foreach (var node in Descendants(json).OfType<JsonObject>().Where(o => o.ContainsKey("type")))
        {
            Assert.Equal("type", node.First().Key);
        }
    }

    [Fact]
    public void FactSet_writes_facts_with_title_and_value()
    {
        var facts = new FactSet([new Fact("Owner", "Jo Bloggs"), new Fact("Due", "31 Mar 2020")]);

        AssertJson(
            """
            { "type": "FactSet", "facts": [ { "title": "Owner", "value": "Jo Bloggs" }, { "title": "Due", "value": "31 Mar 2020" } ] }
            """,
            BodyElement(facts));
    }

    [Fact]
    public void ColumnSet_writes_columns_with_type_width_and_items()
    {
        var columns = new ColumnSet(
        [
            new Column([new TextBlock("A")]) { Width = ColumnWidth.Auto },
            new Column([new TextBlock("B")]) { Width = ColumnWidth.Stretch },
            new Column { Width = ColumnWidth.Weight(2) },
            new Column { Width = ColumnWidth.Pixels(80) },
        ]);

        AssertJson(
            """
            {
              "type": "ColumnSet",
              "columns": [
                { "type": "Column", "width": "auto", "items": [ { "type": "TextBlock", "text": "A" } ] },
                { "type": "Column", "width": "stretch", "items": [ { "type": "TextBlock", "text": "B" } ] },
                { "type": "Column", "width": 2 },
                { "type": "Column", "width": "80px" }
              ]
            }
            """,
            BodyElement(columns));
    }

    [Fact]
    public void Container_writes_items_style_separator_and_spacing()
    {
        var container = new Container([new TextBlock("Inside")])
        {
            Style = ContainerStyle.Emphasis,
            Separator = true,
            Spacing = Spacing.Medium,
        };

        AssertJson(
            """
            { "type": "Container", "items": [ { "type": "TextBlock", "text": "Inside" } ], "style": "emphasis", "spacing": "medium", "separator": true }
            """,
            BodyElement(container));
    }

    [Fact]
    public void ActionSet_writes_its_actions_among_the_body_elements()
    {
        var actions = new ActionSet([new ShowCardAction("Show 2 more", new AdaptiveCard { Body = { new TextBlock("#9") } })]) { Spacing = Spacing.Small };

        AssertJson(
            """
            {
              "type": "ActionSet",
              "actions": [
                {
                  "type": "Action.ShowCard", "title": "Show 2 more",
                  "card": {
                    "type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "version": "1.5",
                    "body": [ { "type": "TextBlock", "text": "#9" } ]
                  }
                }
              ],
              "spacing": "small"
            }
            """,
            BodyElement(actions));
    }

    [Fact]
    public void Input_Text_writes_every_property()
    {
        var input = new TextInput("update")
        {
            Label = "Progress update",
            Placeholder = "What has happened since the last report?",
            IsMultiline = true,
            MaxLength = 500,
            IsRequired = true,
            ErrorMessage = "Please write an update",
            Value = "On track",
            Regex = "^.{5,}$",
        };

        AssertJson(
            """
            {
              "type": "Input.Text", "id": "update", "placeholder": "What has happened since the last report?",
              "isMultiline": true, "maxLength": 500, "value": "On track", "regex": "^.{5,}$",
              "label": "Progress update", "isRequired": true, "errorMessage": "Please write an update"
            }
            """,
            BodyElement(input));
    }

    [Fact]
    public void Input_Date_writes_dates_as_yyyy_MM_dd()
    {
        var input = new DateInput("revisedDueDate")
        {
            Label = "Revised due date",
            Value = new DateOnly(2020, 3, 31),
            Min = new DateOnly(2019, 4, 1),
            Max = new DateOnly(2021, 3, 31),
            IsRequired = true,
        };

        AssertJson(
            """
            {
              "type": "Input.Date", "id": "revisedDueDate", "value": "2020-03-31", "min": "2019-04-01", "max": "2021-03-31",
              "label": "Revised due date", "isRequired": true
            }
            """,
            BodyElement(input));
    }

    [Fact]
    public void Input_ChoiceSet_writes_choices_style_and_multi_select()
    {
        var input = new ChoiceSetInput("rag", [new Choice("Red", "R"), new Choice("Amber", "A"), new Choice("Green", "G")])
        {
            Label = "RAG",
            Value = "A",
            Style = ChoiceInputStyle.Expanded,
            IsMultiSelect = false,
            IsRequired = true,
        };
        var compact = new ChoiceSetInput("team", [new Choice("Digital", "digital")]) { Style = ChoiceInputStyle.Compact, IsMultiSelect = true };

        AssertJson(
            """
            {
              "type": "Input.ChoiceSet", "id": "rag",
              "choices": [ { "title": "Red", "value": "R" }, { "title": "Amber", "value": "A" }, { "title": "Green", "value": "G" } ],
              "value": "A", "style": "expanded", "isMultiSelect": false, "label": "RAG", "isRequired": true
            }
            """,
            BodyElement(input));
        AssertJson(
            """
            { "type": "Input.ChoiceSet", "id": "team", "choices": [ { "title": "Digital", "value": "digital" } ], "style": "compact", "isMultiSelect": true }
            """,
            BodyElement(compact));
    }

    [Fact]
    public void Action_Execute_has_an_Action_Submit_fallback_carrying_the_data_and_verb()
    {
        var action = new ExecuteAction("Mark complete", "completeMilestone", new JsonObject { ["milestone"] = "M1.2" })
        {
            AssociatedInputs = AssociatedInputs.Auto,
        };

        AssertJson(
            """
            {
              "type": "Action.Execute", "title": "Mark complete", "verb": "completeMilestone", "data": { "milestone": "M1.2" },
              "associatedInputs": "Auto",
              "fallback": { "type": "Action.Submit", "title": "Mark complete", "data": { "milestone": "M1.2", "verb": "completeMilestone" } }
            }
            """,
            CardAction(action));
    }

    [Fact]
    public void Action_Execute_fallback_can_be_turned_off_and_associated_inputs_set_to_none()
    {
        var action = new ExecuteAction("Snooze", "snooze") { Fallback = null, AssociatedInputs = AssociatedInputs.None };

        AssertJson("""{ "type": "Action.Execute", "title": "Snooze", "verb": "snooze", "associatedInputs": "None" }""", CardAction(action));
    }

    [Fact]
    public void Action_Submit_OpenUrl_and_ShowCard_write_their_schema_shapes()
    {
        var submit = new SubmitAction("Send", new JsonObject { ["kind"] = "update" });
        var open = new OpenUrlAction("Open tracker", "https://example.nhs.uk/plans/odkm?tab=milestones");
        var show = new ShowCardAction("Add a comment", new AdaptiveCard { Body = { new TextInput("comment") } });

        AssertJson("""{ "type": "Action.Submit", "title": "Send", "data": { "kind": "update" } }""", CardAction(submit));
        AssertJson("""{ "type": "Action.OpenUrl", "title": "Open tracker", "url": "https://example.nhs.uk/plans/odkm?tab=milestones" }""", CardAction(open));
        AssertJson(
            """
            {
              "type": "Action.ShowCard", "title": "Add a comment",
              "card": {
                "type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "version": "1.5",
                "body": [ { "type": "Input.Text", "id": "comment" } ]
              }
            }
            """,
            CardAction(show));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("vbscript:msgbox")]
    [InlineData("/relative/path")]
    [InlineData("example.nhs.uk/no-scheme")]
    [InlineData("")]
    public void OpenUrl_rejects_anything_but_absolute_http_and_https(string url)
    {
        Assert.ThrowsAny<ArgumentException>(() => new OpenUrlAction("Open", url));
    }

    [Fact]
    public void OpenUrl_accepts_http_and_normalises_the_url()
    {
        Assert.Equal("http://intranet.example/a%20b", new OpenUrlAction("Open", "http://intranet.example/a b").Url);
    }

    [Fact]
    public void Refresh_accepts_60_user_ids_and_rejects_61()
    {
        var sixty = Enumerable.Range(1, 60).Select(i => $"29:user{i}").ToList();

        Assert.Equal(60, new Refresh("refresh", sixty).UserIds.Count);
        Assert.Throws<ArgumentException>(() => new Refresh("refresh", [.. sixty, "29:one-too-many"]));
    }

    [Fact]
    public void Refresh_writes_an_empty_user_list_because_it_means_manual_refresh_only()
    {
        var json = new AdaptiveCard { Refresh = new Refresh("refresh", []) }.ToJsonNode();

        Assert.Equal("[]", json["refresh"]!["userIds"]!.ToJsonString());
    }

    [Fact]
    public void Inputs_need_an_id()
    {
        Assert.ThrowsAny<ArgumentException>(() => new TextInput(""));
        Assert.ThrowsAny<ArgumentException>(() => new DateInput(" "));
        Assert.ThrowsAny<ArgumentException>(() => new ChoiceSetInput(null!));
    }

    [Fact]
    public void ToAttachment_gives_the_adaptive_card_content_type_and_the_card_json()
    {
        var card = new AdaptiveCard { Body = { new TextBlock("Hi") } };

        var attachment = card.ToAttachment();

        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        Assert.True(JsonNode.DeepEquals(card.ToJsonNode(), Assert.IsAssignableFrom<JsonNode>(attachment.Content)));
    }

    [Fact]
    public void Attached_card_keeps_its_shape_inside_an_activity_serialised_with_the_wire_options()
    {
        var card = new AdaptiveCard { Body = { new TextBlock("Hi") { Weight = TextWeight.Bolder } } };
        var activity = new Activity { Type = "message", Attachments = [card.ToAttachment()] };

        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(activity, BotJson.Options))!;

        Assert.True(JsonNode.DeepEquals(card.ToJsonNode(), json["attachments"]![0]!["content"]));
    }

    private static JsonNode BodyElement(CardElement element) =>
        new AdaptiveCard { Body = { element } }.ToJsonNode()["body"]![0]!;

    private static JsonNode CardAction(CardAction action) =>
        new AdaptiveCard { Actions = { action } }.ToJsonNode()["actions"]![0]!;

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().SelectMany(Descendants))
        {
            yield return child;
        }
    }

    private static void AssertJson(string expected, JsonNode actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(JsonNode.DeepEquals(expectedNode, actual), $"Expected {expectedNode!.ToJsonString()}\nActual   {actual.ToJsonString()}");
    }
}
