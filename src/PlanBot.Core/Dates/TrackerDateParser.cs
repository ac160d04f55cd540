namespace PlanBot.Core.Dates;

using PlanBot.Core.Plans;

/// <summary>
/// Reads the date cells UK trackers write: "01-Apr-19", "30/06/16", "May-18", "Jan 18 to March 18",
/// "Q4 2017/18 - Q4 2021/22", "27-Sep-19 rev 31-Dec-19", "30/06/2016 Complete", "Summer 2017", "In post by March 2018".
/// Day first unless <c>monthFirst</c> (a US export, decided from the file's own dates by <see cref="OrderShownBy"/>);
/// a month, quarter or season means its last day (one convention for every period: "Summer 2017" is 31 August 2017,
/// spring being March to May, summer June to August, autumn September to November and winter December to February);
/// "Ongoing" and a cell that gives only a start ("Oct (Start date)") have no deadline
/// (<see cref="DateProblem.NoDeadline"/>, the start in <see cref="DateCell.Start"/>);
/// days and months without a year are placed in <c>financialYearStart</c>
/// (April–December in that year, January–March in the next) when it is given. A leading weekday ("Mon 03/03/25",
/// as Microsoft Project writes dates) or "End" / "End of" ("End March 2025") is read past.
/// </summary>
/// <remarks>
/// It runs for every date cell of an import, so it scans by hand: no regex, no exceptions for control flow
/// and no culture-dependent parsing.
/// </remarks>
public sealed class TrackerDateParser(int? financialYearStart = null, bool monthFirst = false) : ITrackerDateParser
{
    private static readonly string[] Leaders = ["end of", "end", "by end of", "by the end of", "by end", "by", "w/c", "wc", "w/e", "before", "no later than"];

    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    // Words that say the work has no deadline, longest first so "on going" is not read as "on".
    private static readonly string[] OpenEndedWords = ["business as usual", "on going", "on-going", "ongoing", "continuous", "continuing", "rolling", "bau"];

    // What follows a date that gives only the start: "Oct (Start date)", "July (start)".
    private static readonly string[] StartNotes = ["start date", "start", "starts", "starting", "start month", "commencing"];

    // Spring, summer, autumn (fall) and winter by their first month; winter runs into the next year.
    private static readonly (string Name, int FirstMonth)[] Seasons =
        [("spring", 3), ("summer", 6), ("autumn", 9), ("fall", 9), ("winter", 12)];

    /// <summary>
    /// What a numeric date says about the file's order: "14/03/2025" can only be day first, "03/14/2025" only month
    /// first; "03/04/2025" says nothing (null).
    /// </summary>
    public static DateOrder? OrderShownBy(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 24) return null;
        var s = text.AsSpan().Trim();
        var p = 0;
        if (ReadDigits(s, ref p, out var first) is not (1 or 2) || p >= s.Length || !IsNumericSeparator(s[p])) return null;
        p++;
        if (ReadDigits(s, ref p, out var second) is not (1 or 2) || p >= s.Length || !IsNumericSeparator(s[p])) return null;
        p++;
        if (ReadDigits(s, ref p, out _) is not (2 or 4) || !IsBoundary(s, p)) return null;
        if (first > 12 && second <= 12) return DateOrder.DayFirst;
        if (second > 12 && first <= 12) return DateOrder.MonthFirst;
        return null;
    }

    // "Feb 18  April 18  Aug 18" is the longest chain in the seeds.
    private const int MaxRangeParts = 4;

    private static readonly string[] MonthNames =
    [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ];

    public DateCell Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new DateCell(TrackerDate.Blank, null);

        var original = text.Trim();
        var clean = SkipLeaders(CellMarkup.Strip(original));
        if (clean.Length == 0) return new DateCell(NotADate(original), null);
        return ReadOpenEnded(original, clean) ?? StartOnly(original, ReadCell(original, clean));
    }

    /// <summary>"Ongoing", "On-going (Start in June)", "BAU": no deadline, and the start when the cell gives one.</summary>
    private DateCell? ReadOpenEnded(string text, string clean)
    {
        string? word = null;
        foreach (var w in OpenEndedWords)
        {
            if (clean.StartsWith(w, StringComparison.OrdinalIgnoreCase) && (clean.Length == w.Length || !char.IsLetter(clean[w.Length])))
            {
                word = w;
                break;
            }
        }

        if (word is null) return null;
        var rest = clean[word.Length..].Trim(' ', '-', '–', ',', ';', ':', '(', ')', '.');
        TrackerDate? start = null;
        foreach (var lead in (string[])["starting in", "starting", "start in", "start from", "starts", "start", "from"])
        {
            if (!rest.StartsWith(lead, StringComparison.OrdinalIgnoreCase) || rest.Length == lead.Length || char.IsLetter(rest[lead.Length])) continue;
            var when = rest[lead.Length..].Trim();
            var read = ReadCell(when, SkipLeaders(when)).Date;
            if (read.Date is not null || read.Problem == DateProblem.MissingYear) start = read with { Text = text, Note = null };
            break;
        }
        return new DateCell(new TrackerDate(text, null, Problem: DateProblem.NoDeadline, Note: rest.Length > 0 ? rest : null), null) { Start = start };
    }

    /// <summary>"Oct (Start date)": the month is when the work starts, not a deadline.</summary>
    private static DateCell StartOnly(string text, DateCell cell)
    {
        if (cell.Revised is not null || cell.Date.Note is not { } note || cell.Date.Problem is not (DateProblem.None or DateProblem.MissingYear)
            || !StartNotes.Any(n => note.Equals(n, StringComparison.OrdinalIgnoreCase)))
            return cell;
        return new DateCell(new TrackerDate(text, null, Problem: DateProblem.NoDeadline, Note: note), null) { Start = cell.Date with { Note = null } };
    }

    /// <summary>"Mon 03/03/25" → "03/03/25"; "End March 2025" → "March 2025". Only when a date follows.</summary>
    private static string SkipLeaders(string clean)
    {
        var s = clean;
        foreach (var day in Weekdays)
        {
            var word = s.Length > 3 && s[..3].Equals(day[..3], StringComparison.OrdinalIgnoreCase)
                ? s.StartsWith(day, StringComparison.OrdinalIgnoreCase) ? day.Length : 3
                : 0;
            if (word == 0 || (s.Length > word && char.IsLetter(s[word]))) continue;
            var rest = s[word..].TrimStart(' ', ',', '.');
            if (rest.Length > 0 && char.IsAsciiDigit(rest[0])) s = rest;
            break;
        }

        foreach (var leader in Leaders)
        {
            if (s.Length <= leader.Length + 1 || !s.StartsWith(leader, StringComparison.OrdinalIgnoreCase) || char.IsLetter(s[leader.Length])) continue;
            var rest = s[leader.Length..].TrimStart(' ', ':', '-');
            if (rest.Length > 0 && (char.IsAsciiDigit(rest[0]) || MonthNumber(FirstWord(rest)) > 0 || SeasonMonth(FirstWord(rest)) > 0 || rest[0] is 'Q' or 'q')) return rest;
        }

        return s;
    }

    private static ReadOnlySpan<char> FirstWord(string s)
    {
        var end = 0;
        while (end < s.Length && char.IsLetter(s[end])) end++;
        return s.AsSpan(0, end);
    }

    private DateCell ReadCell(string text, string clean)
    {
        Span<Part> parts = stackalloc Part[MaxRangeParts];
        var end = 0;
        if (!TryReadExpression(clean, ref end, parts, out var count))
            return new DateCell(ReadSentence(text, clean), null);

        parts = parts[..count];
        var rest = clean.AsSpan(end);

        if (TryReadRevision(rest, out var revisedText))
        {
            var revision = ReadCell(revisedText, revisedText);
            if (revision.Date.Problem != DateProblem.NotADate)
                return new DateCell(Build(text, parts, note: null), revision.Revised ?? revision.Date);
        }

        // "March GB approved 28/03/2018": a yearless word at the front is weaker evidence than a full date later on.
        if (!AllHaveYears(parts) && CountFullDates(clean.AsSpan(end), out _) == 1)
            return new DateCell(ReadSentence(text, clean), null);

        return new DateCell(Build(text, parts, Note(rest)), null);
    }

    /// <summary>
    /// A cell that is not a date form may still state one full date ("The NWAFT Contract was agreed on 19.10.2019"),
    /// or, with no full date, one deadline after "by" ("In post by March 2018", "running by end of Nov 2019").
    /// </summary>
    private TrackerDate ReadSentence(string text, string clean)
    {
        // Two different dates in one sentence ("IPAC 28.10.2019, then GB 5.11.2019") would be a guess.
        var fullDates = CountFullDates(clean, out var found);
        if (fullDates == 1) return Build(text, [found], note: clean);
        if (fullDates == 0 && ReadByDeadline(text, clean) is { } deadline) return deadline;
        return NotADate(text);
    }

    /// <summary>The one date with a year after the word "by" in a sentence; null when there is none, or two different.</summary>
    private TrackerDate? ReadByDeadline(string text, string clean)
    {
        TrackerDate? deadline = null;
        Span<Part> parts = stackalloc Part[MaxRangeParts];
        for (var i = clean.IndexOf("by ", StringComparison.OrdinalIgnoreCase); i >= 0; i = clean.IndexOf("by ", i + 3, StringComparison.OrdinalIgnoreCase))
        {
            if (i > 0 && char.IsLetter(clean[i - 1])) continue;
            var after = SkipLeaders(clean[i..]);
            if (after.Length == clean.Length - i) continue; // nothing date-like follows "by"
            var end = 0;
            if (!TryReadExpression(after, ref end, parts, out var count) || !AllHaveYears(parts[..count])) continue;
            var read = Build(text, parts[..count], note: clean);
            if (read.Date is null) continue;
            if (deadline is not null && deadline.Date != read.Date) return null;
            deadline = read;
        }
        return deadline;
    }

    private static TrackerDate NotADate(string text) => new(text, null, Problem: DateProblem.NotADate);

    private TrackerDate Build(string text, ReadOnlySpan<Part> parts, string? note)
    {
        if (monthFirst)
        {
            Span<Part> swapped = stackalloc Part[parts.Length];
            for (var i = 0; i < parts.Length; i++)
                swapped[i] = parts[i].Numeric ? parts[i] with { Day = parts[i].Month, Month = parts[i].Day } : parts[i];
            return BuildInOrder(text, swapped, note);
        }

        return BuildInOrder(text, parts, note);
    }

    private TrackerDate BuildInOrder(string text, ReadOnlySpan<Part> parts, string? note)
    {
        foreach (var part in parts)
        {
            if (!part.CanExist) return new TrackerDate(text, null, Problem: DateProblem.Impossible, Note: note);
        }

        // A part without a year takes it from the next part that has one ("March/ April 18"), a year earlier when
        // its month comes later ("Nov - Feb 19"); failing that, from the plan's financial year.
        Span<int> years = stackalloc int[parts.Length];
        int nextYear = 0, nextMonth = 0;
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            var part = parts[i];
            if (part.HasYear) years[i] = part.Year;
            else if (nextYear != 0) years[i] = part.Month <= nextMonth ? nextYear : nextYear - 1;
            else if (financialYearStart is { } fy) years[i] = part.Month >= 4 ? fy : fy + 1;
            else return new TrackerDate(text, null, Problem: DateProblem.MissingYear, Note: note);

            if (!part.ExistsIn(years[i])) return new TrackerDate(text, null, Problem: DateProblem.Impossible, Note: note);

            var start = part.StartIn(years[i]);
            (nextYear, nextMonth) = (start.Year, start.Month);
        }

        var last = parts[^1].EndIn(years[^1]);
        DateOnly? rangeStart = parts.Length > 1 ? parts[0].StartIn(years[0]) : null;
        return new TrackerDate(text, last, rangeStart, DateProblem.None, note);
    }

    private static bool AllHaveYears(ReadOnlySpan<Part> parts)
    {
        foreach (var part in parts)
        {
            if (!part.HasYear) return false;
        }

        return true;
    }

    /// <summary>
    /// One date or a range of them at the start of the text: "Jan 18 to March 18", "Mar-May 2018", "Feb 18  April 18  Aug 18".
    /// </summary>
    private static bool TryReadExpression(ReadOnlySpan<char> s, ref int pos, Span<Part> parts, out int count)
    {
        count = 0;
        if (!TryReadPart(s, ref pos, out parts[0])) return false;
        count = 1;
        var anyYear = parts[0].HasYear;

        while (count < parts.Length)
        {
            var p = pos;
            var spaces = SkipSpaces(s, ref p);
            var separated = false;
            if (p < s.Length && (IsDash(s[p]) || s[p] == '/'))
            {
                p++;
                SkipSpaces(s, ref p);
                separated = true;
            }
            else if (spaces > 0 && RangeWordLength(s, p) is var wordLength and > 0)
            {
                p += wordLength;
                if (SkipSpaces(s, ref p) == 0) break;
                separated = true;
            }

            if (!separated && spaces == 0) break;
            if (!TryReadPart(s, ref p, out var next)) break;

            // Only a leading run of yearless parts borrows a year from later ("March/ April 18"). After a year,
            // or with nothing but spaces between, a bare month is a word: "30/06/2016 - may slip".
            if (!next.HasYear && (anyYear || !separated)) break;

            parts[count++] = next;
            anyYear |= next.HasYear;
            pos = p;
        }

        return true;
    }

    private static bool TryReadPart(ReadOnlySpan<char> s, ref int pos, out Part part)
    {
        part = default;
        if (pos >= s.Length) return false;

        var c = s[pos];
        if (char.IsAsciiDigit(c)) return TryReadNumberFirst(s, ref pos, out part);
        if (c is 'Q' or 'q' && pos + 1 < s.Length && char.IsAsciiDigit(s[pos + 1])) return TryReadQuarter(s, ref pos, out part);
        if (char.IsLetter(c)) return TryReadMonthFirst(s, ref pos, out part) || TryReadSeason(s, ref pos, out part);
        return false;
    }

    // "Summer 2017", "Autumn 18", "Winter 2017/18": a season with its year, never without one.
    private static bool TryReadSeason(ReadOnlySpan<char> s, ref int pos, out Part part)
    {
        part = default;
        var p = pos;
        while (p < s.Length && char.IsLetter(s[p])) p++;
        var firstMonth = SeasonMonth(s[pos..p]);
        if (firstMonth == 0) return false;
        if (!TryReadYearAfterMonth(s, ref p, out var year))
        {
            // "Winter 2017/18": the winter that starts in the first year.
            var q = p;
            SkipSpaces(s, ref q);
            var digits = ReadDigits(s, ref q, out var first);
            if (firstMonth != 12 || digits is not (2 or 4) || q + 1 >= s.Length || s[q] != '/') return false;
            q++;
            var secondDigits = ReadDigits(s, ref q, out var second);
            year = FullYear(first, digits);
            if (secondDigits is not (2 or 4) || !IsBoundary(s, q) || FullYear(second, secondDigits) % 100 != (year + 1) % 100) return false;
            p = q;
        }

        part = new Part(PartKind.Season, 0, firstMonth, year);
        pos = p;
        return true;
    }

    private static int SeasonMonth(ReadOnlySpan<char> word)
    {
        foreach (var (name, month) in Seasons)
        {
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase)) return month;
        }

        return 0;
    }

    // "30/06/2016", "12.02.19", "2019-09-27T00:00:00", "01-Apr-19", "31 st October 2018", "24-May".
    private static bool TryReadNumberFirst(ReadOnlySpan<char> s, ref int pos, out Part part)
    {
        part = default;
        var p = pos;
        var firstDigits = ReadDigits(s, ref p, out var first);

        if (firstDigits == 4 && p < s.Length && IsDash(s[p])) return TryReadIso(s, first, p, ref pos, out part);
        if (firstDigits > 2) return false;

        if (p + 1 < s.Length && IsNumericSeparator(s[p]) && char.IsAsciiDigit(s[p + 1]))
        {
            // Day/month/year only: "01/09" or "03/17" could be a day and month or a month and year.
            var q = p + 1;
            var monthDigits = ReadDigits(s, ref q, out var month);
            if (monthDigits > 2 || q + 1 >= s.Length || !IsNumericSeparator(s[q]) || !char.IsAsciiDigit(s[q + 1])) return false;
            q++;
            var yearDigits = ReadDigits(s, ref q, out var year);
            if (yearDigits is not (2 or 4) || !IsBoundary(s, q)) return false;

            part = new Part(PartKind.FullDate, first, month, FullYear(year, yearDigits)) { Numeric = true };
            pos = q;
            return true;
        }

        var r = p;
        SkipOrdinal(s, ref r);
        SkipSpaces(s, ref r);
        if (IsWordAt(s, r, "of"))
        {
            r += 2;
            SkipSpaces(s, ref r);
        }

        if (r < s.Length && (IsDash(s[r]) || s[r] is '.' or '/'))
        {
            r++;
            SkipSpaces(s, ref r);
        }

        var monthNumber = ReadMonthName(s, ref r);
        if (monthNumber == 0) return false;

        part = TryReadYearAfterMonth(s, ref r, out var y)
            ? new Part(PartKind.FullDate, first, monthNumber, y)
            : new Part(PartKind.DayMonth, first, monthNumber, 0);
        pos = r;
        return true;
    }

    private static bool TryReadIso(ReadOnlySpan<char> s, int year, int dash, ref int pos, out Part part)
    {
        part = default;
        var q = dash + 1;
        var monthDigits = ReadDigits(s, ref q, out var month);
        if (monthDigits is < 1 or > 2 || q + 1 >= s.Length || !IsDash(s[q]) || !char.IsAsciiDigit(s[q + 1])) return false;
        q++;
        var dayDigits = ReadDigits(s, ref q, out var day);
        if (dayDigits > 2) return false;

        // The XLSX reader writes "2019-09-27T00:00:00"; the time of day means nothing to a due date.
        if (q + 1 < s.Length && (s[q] == 'T' || (s[q] == ' ' && q + 3 < s.Length && char.IsAsciiDigit(s[q + 1]) && s[q + 3] == ':')))
        {
            q++;
            while (q < s.Length && (char.IsAsciiDigit(s[q]) || s[q] is ':' or '.' or 'Z' or '+' or '-')) q++;
        }

        if (!IsBoundary(s, q)) return false;
        part = new Part(PartKind.FullDate, day, month, year);
        pos = q;
        return true;
    }

    // "May-18", "September 2016", "Jan 18", "July 5th", "Mar 10th", "March 31, 2018", and a bare "Oct".
    private static bool TryReadMonthFirst(ReadOnlySpan<char> s, ref int pos, out Part part)
    {
        part = default;
        var p = pos;
        var month = ReadMonthName(s, ref p);
        if (month == 0) return false;

        var q = p;
        SkipSpaces(s, ref q);
        if (q < s.Length && char.IsAsciiDigit(s[q]))
        {
            var r = q;
            var digits = ReadDigits(s, ref r, out var number);
            if (digits <= 2 && SkipOrdinal(s, ref r))
            {
                part = TryReadYearAfterDay(s, ref r, fourDigitsOnly: false, out var y)
                    ? new Part(PartKind.FullDate, number, month, y)
                    : new Part(PartKind.DayMonth, number, month, 0);
                pos = r;
                return true;
            }

            if (digits <= 2 && IsBoundary(s, r) && TryReadYearAfterDay(s, ref r, fourDigitsOnly: true, out var year))
            {
                part = new Part(PartKind.FullDate, number, month, year);
                pos = r;
                return true;
            }
        }

        if (TryReadYearAfterMonth(s, ref p, out var monthYear))
        {
            part = new Part(PartKind.MonthYear, 0, month, monthYear);
        }
        else if (q < s.Length && char.IsAsciiDigit(s[q]) && IsBoundary(s, q + 1))
        {
            // "July 5": a single digit is a day, never a year.
            part = new Part(PartKind.DayMonth, s[q] - '0', month, 0);
            p = q + 1;
        }
        else
        {
            part = new Part(PartKind.Month, 0, month, 0);
        }

        pos = p;
        return true;
    }

    // "Q2 2018/19", "Q4 FY17/18": a UK financial quarter.
    private static bool TryReadQuarter(ReadOnlySpan<char> s, ref int pos, out Part part)
    {
        part = default;
        var p = pos + 1;
        var quarter = s[p++] - '0';
        if (quarter is < 1 or > 4 || !IsBoundary(s, p)) return false;

        SkipSpaces(s, ref p);
        if (IsPrefixAt(s, p, "fy"))
        {
            p += 2;
            SkipSpaces(s, ref p);
        }

        var startDigits = ReadDigits(s, ref p, out var start);
        if (startDigits is not (2 or 4) || p + 1 >= s.Length || !(s[p] == '/' || IsDash(s[p])) || !char.IsAsciiDigit(s[p + 1])) return false;
        p++;
        var endDigits = ReadDigits(s, ref p, out var end);
        if (endDigits is not (2 or 4) || !IsBoundary(s, p)) return false;

        var startYear = FullYear(start, startDigits);
        if (FullYear(end, endDigits) % 100 != (startYear + 1) % 100 || (endDigits == 4 && end != startYear + 1)) return false;

        part = new Part(PartKind.Quarter, quarter, 0, startYear);
        pos = p;
        return true;
    }

    /// <summary>The year after a day and month or after a month: "-19", " 2019", ", 2019", "/19".</summary>
    private static bool TryReadYearAfterMonth(ReadOnlySpan<char> s, ref int pos, out int year)
    {
        year = 0;
        var q = pos;
        var spaces = SkipSpaces(s, ref q);
        if (q < s.Length && (IsDash(s[q]) || s[q] is '/' or ',' or '.'))
        {
            // With a space before it, a dash or slash separates range parts ("April - June 2018"), not month and year.
            if (spaces > 0 && s[q] != ',') return false;
            q++;
            SkipSpaces(s, ref q);
        }

        if (q >= s.Length || !char.IsAsciiDigit(s[q])) return false;
        var digits = ReadDigits(s, ref q, out var number);
        if (digits is not (2 or 4) || !IsBoundary(s, q)) return false;

        // "May 12/03/2019" is not May 2012.
        if (q + 1 < s.Length && IsNumericSeparator(s[q]) && char.IsAsciiDigit(s[q + 1])) return false;

        year = FullYear(number, digits);
        pos = q;
        return true;
    }

    /// <summary>The year after a month-first day: "July 5th 2018", "Aug 8th, 18", "March 31, 2018".</summary>
    private static bool TryReadYearAfterDay(ReadOnlySpan<char> s, ref int pos, bool fourDigitsOnly, out int year)
    {
        year = 0;
        var q = pos;
        var gap = SkipSpaces(s, ref q);
        if (q < s.Length && s[q] == ',')
        {
            q++;
            gap += 1 + SkipSpaces(s, ref q);
        }

        if (gap == 0 || q >= s.Length || !char.IsAsciiDigit(s[q])) return false;
        var digits = ReadDigits(s, ref q, out var number);
        if (!(digits == 4 || (digits == 2 && !fourDigitsOnly)) || !IsBoundary(s, q)) return false;
        if (q + 1 < s.Length && IsNumericSeparator(s[q]) && char.IsAsciiDigit(s[q + 1])) return false;

        year = FullYear(number, digits);
        pos = q;
        return true;
    }

    private static bool TryReadRevision(ReadOnlySpan<char> rest, out string revisedText)
    {
        revisedText = string.Empty;
        var p = 0;
        var bracketed = false;
        while (p < rest.Length && (char.IsWhiteSpace(rest[p]) || IsDash(rest[p]) || rest[p] is ',' or ';' or '('))
        {
            bracketed |= rest[p] == '(';
            p++;
        }

        var wordStart = p;
        while (p < rest.Length && char.IsLetter(rest[p])) p++;
        var word = rest[wordStart..p];
        if (!word.Equals("rev", StringComparison.OrdinalIgnoreCase) && !word.Equals("revised", StringComparison.OrdinalIgnoreCase)) return false;

        if (p < rest.Length && rest[p] is '.' or ':') p++;
        SkipSpaces(rest, ref p);
        if (IsWordAt(rest, p, "to"))
        {
            p += 2;
            SkipSpaces(rest, ref p);
        }

        var revised = rest[p..].Trim();
        if (bracketed && revised.EndsWith(")")) revised = revised[..^1].TrimEnd();
        if (revised.IsEmpty) return false;

        revisedText = revised.ToString();
        return true;
    }

    /// <summary>Counts the distinct full day-month-year dates in free text, up to two, keeping the first.</summary>
    private static int CountFullDates(ReadOnlySpan<char> s, out Part found)
    {
        found = default;
        var count = 0;
        var i = 0;
        while (i < s.Length)
        {
            if (!char.IsLetterOrDigit(s[i]) || (i > 0 && (char.IsLetterOrDigit(s[i - 1]) || IsInsideNumber(s, i))))
            {
                i++;
                continue;
            }

            var p = i;
            if (TryReadPart(s, ref p, out var part) && part.Kind == PartKind.FullDate)
            {
                if (count == 0) found = part;
                else if (part != found) return 2;
                count = 1;
                i = p;
                continue;
            }

            while (i < s.Length && char.IsLetterOrDigit(s[i])) i++;
        }

        return count;
    }

    // "1.3.12.2019" is a paragraph number, not 3 December 2019.
    private static bool IsInsideNumber(ReadOnlySpan<char> s, int i) =>
        i > 1 && IsNumericSeparator(s[i - 1]) && char.IsAsciiDigit(s[i - 2]);

    /// <summary>What follows the date, without the separators between: "30/06/2016 Complete" → "Complete".</summary>
    private static string? Note(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(" \t\r\n-–—,;:.").TrimEnd();
        if (rest.Length >= 2 && rest[0] == '(' && rest[^1] == ')' && rest[1..].IndexOfAny('(', ')') == rest.Length - 2)
            rest = rest[1..^1].Trim();
        return rest.IsEmpty ? null : rest.ToString();
    }

    private static int ReadMonthName(ReadOnlySpan<char> s, ref int pos)
    {
        var end = pos;
        while (end < s.Length && char.IsLetter(s[end])) end++;
        var month = MonthNumber(s[pos..end]);
        if (month == 0) return 0;

        // "Sept. 2016", "Oct. 18"
        if (end - pos <= 4 && end + 1 < s.Length && s[end] == '.' && (char.IsWhiteSpace(s[end + 1]) || char.IsAsciiDigit(s[end + 1]))) end++;
        pos = end;
        return month;
    }

    private static int MonthNumber(ReadOnlySpan<char> word)
    {
        if (word.Length < 3) return 0;
        if (word.Equals("sept", StringComparison.OrdinalIgnoreCase)) return 9;
        for (var i = 0; i < MonthNames.Length; i++)
        {
            var name = MonthNames[i];
            if ((word.Length == 3 || word.Length == name.Length) && name.AsSpan(0, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase))
                return i + 1;
        }

        return 0;
    }

    // "1st", "31 st", "30 th" (the exports put a space where the superscript was).
    private static bool SkipOrdinal(ReadOnlySpan<char> s, ref int pos)
    {
        var p = pos;
        SkipSpaces(s, ref p);
        if (p + 1 >= s.Length) return false;
        var suffix = s.Slice(p, 2);
        if (!(suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
              || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase))
            || (p + 2 < s.Length && char.IsLetter(s[p + 2])))
            return false;
        pos = p + 2;
        return true;
    }

    private static int ReadDigits(ReadOnlySpan<char> s, ref int pos, out int value)
    {
        value = 0;
        var start = pos;
        while (pos < s.Length && char.IsAsciiDigit(s[pos]))
        {
            if (pos - start < 9) value = value * 10 + (s[pos] - '0');
            pos++;
        }

        return pos - start;
    }

    private static int SkipSpaces(ReadOnlySpan<char> s, ref int pos)
    {
        var start = pos;
        while (pos < s.Length && char.IsWhiteSpace(s[pos])) pos++;
        return pos - start;
    }

    // "Jan 18 to March 18"
    private static int RangeWordLength(ReadOnlySpan<char> s, int pos) =>
        IsWordAt(s, pos, "to") ? 2 : IsWordAt(s, pos, "until") ? 5 : 0;

    private static bool IsWordAt(ReadOnlySpan<char> s, int pos, string word) =>
        IsPrefixAt(s, pos, word) && (pos + word.Length >= s.Length || !char.IsLetter(s[pos + word.Length]));

    private static bool IsPrefixAt(ReadOnlySpan<char> s, int pos, string prefix) =>
        pos + prefix.Length <= s.Length && s.Slice(pos, prefix.Length).Equals(prefix, StringComparison.OrdinalIgnoreCase);

    private static bool IsBoundary(ReadOnlySpan<char> s, int pos) => pos >= s.Length || !char.IsLetterOrDigit(s[pos]);

    private static bool IsDash(char c) => c is '-' or '–' or '—' or '‐';

    private static bool IsNumericSeparator(char c) => c is '/' or '.' || IsDash(c);

    private static int FullYear(int number, int digits) => digits == 2 ? (number < 70 ? 2000 + number : 1900 + number) : number;

    private enum PartKind : byte
    {
        FullDate,
        DayMonth,
        MonthYear,
        Month,
        Quarter,
        Season,
    }

    // Year is 0 when the text gave none. For a quarter, Day is the quarter number and Year the financial year's start.
    private readonly record struct Part(PartKind Kind, int Day, int Month, int Year)
    {
        /// <summary>Written as numbers only (03/04/2025), so day and month may be in either order.</summary>
        public bool Numeric { get; init; }

        public bool HasYear => Kind is PartKind.FullDate or PartKind.MonthYear or PartKind.Quarter or PartKind.Season;

        /// <summary>False when no year could make it real: 31/04, 32-Jan, month 13.</summary>
        public bool CanExist => Kind switch
        {
            PartKind.Quarter or PartKind.Season => Year is >= 1 and < 9999,
            PartKind.FullDate => IsRealDate(Year, Month, Day),
            PartKind.DayMonth => Month is >= 1 and <= 12 && Day >= 1 && Day <= (Month == 2 ? 29 : DateTime.DaysInMonth(2001, Month)),
            _ => Month is >= 1 and <= 12 && Year is >= 0 and <= 9999,
        };

        public bool ExistsIn(int year) => Kind switch
        {
            PartKind.Quarter or PartKind.Season => true,
            PartKind.FullDate or PartKind.DayMonth => IsRealDate(year, Month, Day),
            _ => year is >= 1 and <= 9999,
        };

        public DateOnly StartIn(int year) => Kind switch
        {
            PartKind.Quarter => FinancialYear.Quarter(Year, Day).Start,
            PartKind.FullDate or PartKind.DayMonth => new DateOnly(year, Month, Day),
            _ => new DateOnly(year, Month, 1),
        };

        public DateOnly EndIn(int year) => Kind switch
        {
            PartKind.Quarter => FinancialYear.Quarter(Year, Day).End,
            PartKind.Season => new DateOnly(year, Month, 1).AddMonths(3).AddDays(-1),
            PartKind.FullDate or PartKind.DayMonth => new DateOnly(year, Month, Day),
            _ => new DateOnly(year, Month, DateTime.DaysInMonth(year, Month)),
        };

        private static bool IsRealDate(int year, int month, int day) =>
            year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }
}

/// <summary>The order of day and month in numeric dates.</summary>
public enum DateOrder
{
    DayFirst,
    MonthFirst,
}
