using System.Globalization;

namespace PlanBot.Trackers.Importing;

/// <summary>
/// A date written as Excel's serial number (days since 30 December 1899 in the 1900 date system), as a date cell
/// formatted General is saved to CSV. Only whole numbers between 1950 and 2099 count, so a cost or count is not taken
/// for a date.
/// </summary>
internal static class ExcelSerial
{
    private static readonly DateOnly Origin = new(1899, 12, 30);
    private const int First = 18264; // 1 January 1950
    private const int Last = 73050; // 31 December 2099

    public static bool TryRead(string text, out DateOnly date)
    {
        date = default;
        if (text.Length != 5 || !text.All(char.IsAsciiDigit)) return false;
        var serial = int.Parse(text, CultureInfo.InvariantCulture);
        if (serial is < First or > Last) return false;
        date = Origin.AddDays(serial);
        return true;
    }

    /// <summary>The date as PMOs write it ("31-Mar-2025"), for the date reader.</summary>
    public static string AsText(DateOnly date) => date.ToString("dd-MMM-yyyy", CultureInfo.InvariantCulture);
}
