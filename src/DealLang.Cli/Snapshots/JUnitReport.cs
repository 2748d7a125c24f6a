using System.Globalization;
using System.Xml.Linq;

namespace DealLang.Cli.Snapshots;

/// <summary>One test case of <c>deallang test</c>: a scenario of a deal (or the deal itself, when it does not compile).</summary>
internal sealed record SnapshotCase(string Deal, string Name, bool Passed, string? Failure, string Details, TimeSpan Time);

/// <summary>
/// <c>--junit FILE</c>: the results as JUnit XML, the format CI systems read: one <c>testsuite</c> per deal file
/// (named by its path), one <c>testcase</c> per scenario (<c>classname</c> the deal's file name without
/// <c>.deal</c>, <c>name</c> the scenario), a failed case holding a <c>failure</c> whose message is the one-line
/// reason and whose text is the difference printed on the console.
/// </summary>
internal static class JUnitReport
{
    public static XDocument Build(IReadOnlyList<SnapshotCase> cases)
    {
        var suites = cases.GroupBy(c => c.Deal, StringComparer.Ordinal).Select(deal => new XElement("testsuite",
            new XAttribute("name", deal.Key),
            new XAttribute("tests", deal.Count()),
            new XAttribute("failures", deal.Count(c => !c.Passed)),
            new XAttribute("errors", 0),
            new XAttribute("time", Seconds(deal.Aggregate(TimeSpan.Zero, (t, c) => t + c.Time))),
            deal.Select(c => new XElement("testcase",
                new XAttribute("classname", Path.GetFileNameWithoutExtension(c.Deal)),
                new XAttribute("name", c.Name),
                new XAttribute("time", Seconds(c.Time)),
                c.Passed ? null : new XElement("failure", new XAttribute("message", c.Failure ?? "failed"), c.Details)))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites",
            new XAttribute("name", "deallang test"),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", cases.Count(c => !c.Passed)),
            suites));
    }

    static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
