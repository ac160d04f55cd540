using System.Text;
using PlanBot.Core.People;
using PlanBot.People;

namespace PlanBot.Web.Tests.People;

public sealed class PeopleFileTests
{
    private const string Header = "Name,Email,AadObjectId,Roles,Delegate\n";
    private const string SueId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    private static PeopleFileCheck Read(string csv) => PeopleFileReader.ReadText(csv, "people.csv");

    private static string OnlyProblem(string csv)
    {
        var check = Read(csv);
        Assert.Empty(check.People);
        return Assert.Single(check.Problems).ToString();
    }

    [Fact]
    public void A_good_file_reads_every_person_in_file_order()
    {
        var check = Read(Header +
            $"Sue Graham,sue.graham@nhs.net,{SueId},Director; Chair ,pat.lee@nhs.net\n" +
            "Pat Lee,pat.lee@nhs.net,,PMO admin,\n" +
            ",,,,\n" +
            "\"Pilsworth, Rachel\",,{11111111-1111-1111-1111-111111111111},\"Finance\nlead\",Sue Graham\n");

        Assert.True(check.IsValid, string.Join(Environment.NewLine, check.Problems));
        Assert.Equal(["Sue Graham", "Pat Lee", "Pilsworth, Rachel"], check.People.Select(p => p.Name));
        var sue = check.People[0];
        Assert.Equal("sue.graham@nhs.net", sue.Email);
        Assert.Equal(SueId, sue.AadObjectId);
        Assert.Equal(["Director", "Chair"], sue.Roles);
        Assert.Equal("Pat Lee", sue.Delegate);
        Assert.True(check.People[1].IsPmoAdmin);
        Assert.Null(check.People[1].AadObjectId);
        Assert.Equal("11111111-1111-1111-1111-111111111111", check.People[2].AadObjectId);
        Assert.Equal(["Finance lead"], check.People[2].Roles);
    }

    [Fact]
    public void Object_ids_are_stored_lower_case_with_hyphens_whatever_their_spelling()
    {
        var check = Read(Header + "Sue Graham,,3F2504E04F8941D39A0C0305E82C3301,,\n");

        Assert.Equal(SueId, Assert.Single(check.People).AadObjectId);
    }

    [Fact]
    public void The_header_is_matched_ignoring_case_and_a_byte_order_mark()
    {
        var check = PeopleFileReader.Read(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("NAME,email,AADOBJECTID,roles,DELEGATE\r\nSue Graham,sue.graham@nhs.net,,,\r\n")).ToArray(), "people.csv");

        Assert.True(check.IsValid, string.Join(Environment.NewLine, check.Problems));
        Assert.Equal("Sue Graham", Assert.Single(check.People).Name);
    }

    [Fact]
    public void A_file_saved_by_excel_as_windows_1252_keeps_its_accents()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes(Header + "Zoë O'Neill,zoe.oneill@nhs.net,,,\n");

        Assert.Equal("Zoë O'Neill", Assert.Single(PeopleFileReader.Read(bytes, "people.csv").People).Name);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal("people.csv: the file is empty; its first row must be the header Name,Email,AadObjectId,Roles,Delegate.", OnlyProblem(""));
    }

    [Fact]
    public void A_header_with_a_misspelt_column_is_refused_naming_the_column()
    {
        Assert.Equal(
            "people.csv, row 1, column B (Email): expected the header 'Email' but found 'E-mail'; the header must be exactly Name,Email,AadObjectId,Roles,Delegate.",
            OnlyProblem("Name,E-mail,AadObjectId,Roles,Delegate\nSue Graham,sue.graham@nhs.net,,,\n"));
    }

    [Fact]
    public void A_header_with_too_few_columns_is_refused()
    {
        Assert.Equal(
            "people.csv, row 1: the header has 2 column(s) (Name,Email); it must be exactly Name,Email,AadObjectId,Roles,Delegate.",
            OnlyProblem("Name,Email\nSue Graham,sue.graham@nhs.net\n"));
    }

    [Fact]
    public void A_row_with_more_fields_than_the_header_is_refused()
    {
        Assert.Equal(
            "people.csv, row 2: the row has 6 fields but the header has 5; a comma inside a name or a list of roles needs the field in quotes.",
            OnlyProblem(Header + "Graham, Sue,sue.graham@nhs.net,,,\n"));
    }

    [Fact]
    public void A_missing_name_is_refused()
    {
        Assert.Equal("people.csv, row 2, column A (Name): the name is missing.", OnlyProblem(Header + " ,sue.graham@nhs.net,,,\n"));
    }

    [Fact]
    public void A_name_longer_than_256_characters_is_refused()
    {
        Assert.Equal(
            "people.csv, row 2, column A (Name): the name is 300 characters, more than 256.",
            OnlyProblem(Header + new string('a', 300) + ",sue.graham@nhs.net,,,\n"));
    }

    [Fact]
    public void A_name_with_a_control_character_is_refused()
    {
        Assert.Equal("people.csv, row 2, column A (Name): 'Sue\u0007Graham' contains a control character.", OnlyProblem(Header + "Sue\u0007Graham,sue.graham@nhs.net,,,\n"));
    }

    [Theory]
    [InlineData("sue.graham@")]
    [InlineData("sue.graham")]
    [InlineData("sue graham@nhs.net")]
    [InlineData("sue@nhs")]
    [InlineData("Sue Graham <sue@nhs.net>")]
    public void A_bad_email_is_refused(string email)
    {
        Assert.Equal($"people.csv, row 2, column B (Email): '{email}' is not an email address.", OnlyProblem(Header + $"Sue Graham,\"{email}\",,,\n"));
    }

    [Theory]
    [InlineData("3f2504e0")]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void A_bad_object_id_is_refused(string id)
    {
        Assert.Equal(
            $"people.csv, row 2, column C (AadObjectId): '{id}' is not an Entra object id (a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301).",
            OnlyProblem(Header + $"Sue Graham,sue.graham@nhs.net,{id},,\n"));
    }

    [Fact]
    public void A_person_with_neither_email_nor_object_id_is_refused()
    {
        Assert.Equal(
            "people.csv, row 2: 'Sue Graham' has neither an Email nor an AadObjectId; give one so PlanBot can find them in Teams.",
            OnlyProblem(Header + "Sue Graham,,,Director,\n"));
    }

    [Fact]
    public void A_field_longer_than_1000_characters_is_refused()
    {
        Assert.Equal(
            "people.csv, row 2, column D (Roles): the field is 1,200 characters, more than 1,000.",
            OnlyProblem(Header + $"Sue Graham,sue.graham@nhs.net,,{new string('r', 1200)},\n"));
    }

    [Fact]
    public void A_name_given_twice_is_refused_on_the_second_row()
    {
        Assert.Equal(
            "people.csv, row 3, column A (Name): 'Sue Graham' is already on row 2; each name must be unique.",
            OnlyProblem(Header + "Sue Graham,sue.graham@nhs.net,,,\nSue Graham,sue.graham2@nhs.net,,,\n"));
    }

    [Fact]
    public void Two_spellings_of_one_name_are_refused_as_duplicates()
    {
        Assert.Equal(
            "people.csv, row 3, column A (Name): 'Dr sue GRAHAM' is the same name as 'Sue Graham' on row 2; each name must be unique.",
            OnlyProblem(Header + "Sue Graham,sue.graham@nhs.net,,,\nDr sue  GRAHAM,sue.graham2@nhs.net,,,\n"));
    }

    [Fact]
    public void An_email_given_twice_is_refused()
    {
        Assert.Equal(
            "people.csv, row 3, column B (Email): 'SUE.GRAHAM@nhs.net' is already on row 2 (Sue Graham); each email must be unique.",
            OnlyProblem(Header + "Sue Graham,sue.graham@nhs.net,,,\nSusan Graham,SUE.GRAHAM@nhs.net,,,\n"));
    }

    [Fact]
    public void An_object_id_given_twice_is_refused()
    {
        Assert.Equal(
            $"people.csv, row 3, column C (AadObjectId): '{SueId}' is already on row 2 (Sue Graham); each AadObjectId must be unique.",
            OnlyProblem(Header + $"Sue Graham,,{SueId},,\nSusan Graham,,{SueId.ToUpperInvariant()},,\n"));
    }

    [Fact]
    public void A_delegate_who_is_not_in_the_file_is_refused()
    {
        Assert.Equal(
            "people.csv, row 2, column E (Delegate): 'Jo Bloggs' is not the Name or Email of anyone in this file; add a row for the delegate, or leave Delegate blank.",
            OnlyProblem(Header + "Sue Graham,sue.graham@nhs.net,,,Jo Bloggs\n"));
    }

    [Fact]
    public void A_person_who_is_their_own_delegate_is_refused()
    {
        Assert.Equal(
            "people.csv, row 2, column E (Delegate): 'sue.graham@nhs.net' is Sue Graham themselves; a delegate must be someone else.",
            OnlyProblem(Header + "Sue Graham,sue.graham@nhs.net,,,sue.graham@nhs.net\n"));
    }

    [Fact]
    public void A_file_with_only_a_header_is_refused()
    {
        Assert.Equal(
            "people.csv: there are no people below the header; a people file with nobody in it would remove everyone.",
            OnlyProblem(Header + ",,,,\n"));
    }

    [Fact]
    public void A_quote_that_is_never_closed_is_refused_with_its_row()
    {
        Assert.Equal(
            "people.csv: row 3 opens a quoted field that is never closed; a quote may be missing, or the file was cut.",
            OnlyProblem(Header + "Sue Graham,sue.graham@nhs.net,,,\n\"Pat Lee,pat.lee@nhs.net,,,\n"));
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_at_once_with_its_row()
    {
        var check = Read(Header +
            "Sue Graham,sue.graham@,3f2504e0,Director,\n" +
            ",x@nhs.net,,,\n" +
            "\"Pat\nLee\",pat.lee@nhs.net,,,Nobody Here\n" +
            "sue graham,sue@nhs.net,,,\n");

        Assert.Empty(check.People);
        Assert.Equal(
        [
            "people.csv, row 2, column B (Email): 'sue.graham@' is not an email address.",
            "people.csv, row 2, column C (AadObjectId): '3f2504e0' is not an Entra object id (a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301).",
            "people.csv, row 3, column A (Name): the name is missing.",
            "people.csv, row 4, column E (Delegate): 'Nobody Here' is not the Name or Email of anyone in this file; add a row for the delegate, or leave Delegate blank.",
        ], check.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void An_excel_workbook_is_refused_with_advice()
    {
        Assert.Equal(
            "people.csv: the file is an Excel workbook, not CSV; save it from Excel as \"CSV UTF-8 (Comma delimited)\".",
            Assert.Single(PeopleFileReader.Read([0x50, 0x4B, 0x03, 0x04, 0, 0], "people.csv").Problems).ToString());
    }

    [Fact]
    public void A_missing_file_is_a_problem_not_an_exception()
    {
        var problem = Assert.Single(PeopleFileReader.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv")).Problems);

        Assert.EndsWith(".csv: the file does not exist.", problem.ToString());
    }

    [Fact]
    public void People_built_in_code_are_checked_by_the_same_rules()
    {
        var check = PeopleFile.Check([new Person("Sue Graham", "sue.graham@nhs.net"), new Person("sue graham", "x@nhs.net", Delegate: "Nobody")]);

        Assert.Equal(
        [
            "people, row 3, column A (Name): 'sue graham' is the same name as 'Sue Graham' on row 2; each name must be unique.",
            "people, row 3, column E (Delegate): 'Nobody' is not the Name or Email of anyone in this file; add a row for the delegate, or leave Delegate blank.",
        ], check.Problems.Select(p => p.ToString()));
    }
}
