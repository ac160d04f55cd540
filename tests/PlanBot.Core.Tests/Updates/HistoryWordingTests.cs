using PlanBot.Core.Plans;
using PlanBot.Core.Updates;

namespace PlanBot.Core.Tests.Updates;

public sealed class HistoryWordingTests
{
    [Theory]
    [InlineData("RevisedDueDate", null, "2020-03-31", "Revised due date: (blank) → 31 Mar 2020")]
    [InlineData("Rag", "None", "Red", "RAG: none → Red")]
    [InlineData("Status", "OnTrack", "Delayed", "Status: On track → Delayed")]
    [InlineData("ProgressNote", "", "Draft shared", "Progress note: (blank) → Draft shared")]
    [InlineData("CommitteeSignOff", "June GB", "PCCC", "Committee sign-off: June GB → PCCC")]
    [InlineData("StatusText", "On -Track", "Delayed - see Exceptions", "Status (tracker's words): On -Track → Delayed - see Exceptions")]
    [InlineData("ExceptionReason", null, "Regulator moved", "Exception reason: (blank) → Regulator moved")]
    public void A_change_reads_with_the_fields_name_and_values_as_people_write_them(string field, string? old, string? @new, string expected) =>
        Assert.Equal(expected, HistoryWording.Describe(new FieldChange(field, old, @new)));

    [Theory]
    [InlineData("Ref", "Reference")]
    [InlineData("DeliveryOwner", "Delivery owner")]
    [InlineData("RevisedDue", "Revised due date")]
    [InlineData("PercentComplete", "% complete")]
    [InlineData("OutlineLevel", "Outline level")]
    [InlineData("M Due", "M Due")]
    [InlineData("Q Due", "Q Due")]
    public void A_field_is_named_as_people_say_it_and_a_trackers_own_column_name_as_written(string code, string expected) =>
        Assert.Equal(expected, HistoryWording.Field(code));
}
