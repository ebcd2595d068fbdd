using System.Globalization;

namespace Topiary.Topics.Removal;

/// <summary>
/// Parses the RFC 1123 dates of <c>time after '…'</c>: an optional day name, day, month name,
/// four-digit year, <c>HH:mm[:ss]</c> and a zone — <c>GMT</c>, <c>UT</c>, <c>UTC</c>, <c>Z</c>,
/// the North American zones of RFC 822 (<c>EST</c> … <c>PDT</c>) or <c>±hhmm</c>. Names are
/// matched ignoring case; a day name that does not match the date is rejected.
/// </summary>
internal static class Rfc1123Date
{
    private static readonly string[] Formats =
    [
        "ddd, d MMM yyyy HH:mm:ss",
        "ddd, d MMM yyyy HH:mm",
        "d MMM yyyy HH:mm:ss",
        "d MMM yyyy HH:mm",
    ];

    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0, ["UT"] = 0, ["UTC"] = 0, ["Z"] = 0,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5,
        ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
    };

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var trimmed = text.Trim();
        var zoneStart = trimmed.LastIndexOf(' ');
        if (zoneStart < 0 || !TryParseZone(trimmed[(zoneStart + 1)..], out var offset))
        {
            return false;
        }
        if (!DateTime.TryParseExact(
                trimmed[..zoneStart], Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }
        // The earliest and latest instants cannot take every offset.
        var ticks = local.Ticks - offset.Ticks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    private static bool TryParseZone(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (ZoneHours.TryGetValue(zone, out var hours))
        {
            offset = TimeSpan.FromHours(hours);
            return true;
        }
        if (zone.Length != 5 || zone[0] is not ('+' or '-'))
        {
            return false;
        }
        for (var i = 1; i < 5; i++)
        {
            if (!char.IsAsciiDigit(zone[i]))
            {
                return false;
            }
        }
        var hh = ((zone[1] - '0') * 10) + (zone[2] - '0');
        var mm = ((zone[3] - '0') * 10) + (zone[4] - '0');
        if (hh > 14 || mm > 59)
        {
            return false;
        }
        offset = new TimeSpan(hh, mm, 0);
        if (zone[0] == '-')
        {
            offset = -offset;
        }
        return true;
    }
}
