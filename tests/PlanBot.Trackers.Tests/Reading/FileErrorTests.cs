using System.IO.Compression;
using PlanBot.Trackers.Reading;
using static PlanBot.Trackers.Tests.Reading.HandBuiltWorkbook;

namespace PlanBot.Trackers.Tests.Reading;

public sealed class FileErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Refusal(string path) => Assert.Throws<TrackerFileException>(() => TrackerFileReader.Read(path)).Message;

    private string ValidWorkbook(string name)
    {
        var path = _folder.File(name);
        new HandBuiltWorkbook().Sheet("Plan", Row(1, Inline("A1", new DocumentFormat.OpenXml.Spreadsheet.Text("No.")))).Save(path);
        return path;
    }

    [Fact]
    public void A_missing_file_is_refused_by_name()
    {
        Assert.Equal("'gone.xlsx' was not found.", Refusal(_folder.File("gone.xlsx")));
    }

    [Fact]
    public void A_folder_is_not_a_tracker_file()
    {
        var path = Directory.CreateDirectory(_folder.File("trackers.xlsx")).FullName;

        Assert.Equal("'trackers.xlsx' is a folder, not a tracker file.", Refusal(path));
    }

    [Fact]
    public void An_unknown_extension_is_refused_listing_the_supported_ones()
    {
        var message = Refusal(_folder.Write("plan.pdf", "%PDF-1.4"));

        Assert.Equal("'plan.pdf' is not a file type PlanBot reads (.pdf): use .xlsx, .csv, .tsv or .txt.", message);
    }

    [Fact]
    public void An_old_xls_workbook_is_refused_with_how_to_fix_it()
    {
        var message = Refusal(_folder.Write("plan.xls", [0xD0, 0xCF, 0x11, 0xE0]));

        Assert.Contains("'plan.xls'", message);
        Assert.Contains("save it as .xlsx", message);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal("'plan.csv' is empty (0 bytes).", Refusal(_folder.Write("plan.csv", [])));
    }

    [Fact]
    public void A_file_over_50_MB_is_refused_saying_its_size_and_the_limit()
    {
        var path = _folder.File("huge.xlsx");
        using (var stream = new FileStream(path, FileMode.CreateNew))
            stream.SetLength(TrackerFileReader.MaxFileBytes + 300 * 1024); // sparse where the file system allows it

        Assert.Equal("'huge.xlsx' is 50.3 MB, over the 50 MB limit for tracker files.", Refusal(path));
    }

    [Fact]
    public void An_encrypted_workbook_is_refused_with_how_to_fix_it()
    {
        byte[] compoundFileHeader = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var message = Refusal(_folder.Write("locked.xlsx", compoundFileHeader));

        Assert.Equal("'locked.xlsx' is password-protected (encrypted) or an old .xls workbook: save it as .xlsx without a password.", message);
    }

    [Fact]
    public void A_truncated_workbook_is_refused_as_damaged()
    {
        var bytes = File.ReadAllBytes(ValidWorkbook("whole.xlsx"));

        var message = Refusal(_folder.Write("cut.xlsx", bytes[..(bytes.Length / 2)]));

        Assert.StartsWith("'cut.xlsx' is not a valid .xlsx workbook (the zip package is damaged or incomplete", message);
    }

    [Fact]
    public void A_text_file_renamed_to_xlsx_is_refused_as_not_a_zip()
    {
        var message = Refusal(_folder.Write("plan.xlsx", "No.,Milestone\n1,Agree plan\n"));

        Assert.Equal("'plan.xlsx' is not a valid .xlsx workbook (it is not a zip package; is it a CSV or text file renamed to .xlsx?).", message);
    }

    [Fact]
    public void A_zip_without_a_workbook_is_refused()
    {
        var path = _folder.File("photos.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not a workbook");
        }

        Assert.Equal("'photos.xlsx' is not a valid .xlsx workbook (it has no workbook part).", Refusal(path));
    }

    [Fact]
    public void A_word_document_renamed_to_xlsx_is_refused()
    {
        var path = _folder.File("report.xlsx");
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
            document.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body());

        Assert.StartsWith("'report.xlsx' is not a valid .xlsx workbook (", Refusal(path));
    }

    [Fact]
    public void A_workbook_with_a_damaged_sheet_is_refused_naming_the_sheet()
    {
        var path = ValidWorkbook("damaged.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var sheet = zip.Entries.Single(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal));
            var name = sheet.FullName;
            sheet.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\"");
        }

        var message = Refusal(path);

        Assert.StartsWith("'damaged.xlsx' is not a valid .xlsx workbook (sheet 'Plan' is damaged:", message);
    }

    [Fact]
    public void A_csv_that_is_really_binary_is_refused()
    {
        var message = Refusal(_folder.Write("export.csv", [0x00, 0x01, 0x02, 0x00, 0x9C, 0x00, 0x41, 0x42, 0x43, 0x00, 0xFF, 0x10]));

        Assert.StartsWith("'export.csv' is not a text file: it contains binary data", message);
    }

    [Fact]
    public void A_workbook_saved_with_a_csv_name_is_refused_saying_what_it_is()
    {
        var bytes = File.ReadAllBytes(ValidWorkbook("plan.xlsx"));

        var message = Refusal(_folder.Write("plan.csv", bytes));

        Assert.StartsWith("'plan.csv' is not a text file: it is a zip package, most likely an Excel workbook renamed.", message);
    }

    [Theory]
    [InlineData("plan.xlsx")]
    [InlineData("plan.csv")]
    [InlineData("plan.txt")]
    public void A_cancelled_read_stops_with_OperationCanceledException_not_a_file_error(string name)
    {
        var path = name.EndsWith(".xlsx", StringComparison.Ordinal) ? ValidWorkbook(name) : _folder.Write(name, "No.,Milestone\n1,Agree plan\n");

        Assert.ThrowsAny<OperationCanceledException>(() => TrackerFileReader.Read(path, new CancellationToken(canceled: true)));
    }
}
