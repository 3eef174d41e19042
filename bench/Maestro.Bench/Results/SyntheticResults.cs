using System.Text;
using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Bench.Results;

/// <summary>Deterministic inputs for the results benchmark: JUnit files like Surefire writes, and long test histories.</summary>
internal static class SyntheticResults
{
    /// <summary>A JUnit file of <paramref name="tests"/> test cases: about 5% failing with a stack trace, 3% flaky, 2% skipped.</summary>
    public static byte[] JUnitFile(int file, int tests)
    {
        var xml = new StringBuilder(tests * 200);
        xml.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"com.acme.Suite{file}\" tests=\"{tests}\">\n");
        for (var i = 0; i < tests; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"  <testcase classname=\"com.acme.module{i % 50}.Feature{i / 50}Test\" name=\"case{i}\" time=\"0.{i % 1000:D3}\"");
            switch (i % 100)
            {
                case < 5:
                    xml.Append(CultureInfo.InvariantCulture, $"><failure message=\"expected: &lt;{i}&gt; but was: &lt;{i + 1}&gt;\" type=\"org.opentest4j.AssertionFailedError\"><![CDATA[org.opentest4j.AssertionFailedError: expected: <{i}> but was: <{i + 1}>\n\tat com.acme.Feature.case{i}(Feature.java:{i % 300})\n\tat java.base/java.lang.reflect.Method.invoke(Method.java:580)]]></failure></testcase>\n");
                    break;
                case < 8:
                    xml.Append("><flakyFailure message=\"Timed out after 5000 ms\" type=\"java.util.concurrent.TimeoutException\"><stackTrace>java.util.concurrent.TimeoutException: Timed out after 5000 ms</stackTrace></flakyFailure></testcase>\n");
                    break;
                case < 10:
                    xml.Append("><skipped message=\"disabled\"/></testcase>\n");
                    break;
                default:
                    xml.Append("/>\n");
                    break;
            }
        }

        xml.Append("</testsuite>\n");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }

    /// <summary>
    /// <paramref name="tests"/> histories of <paramref name="runs"/> entries, oldest first: one test in twenty fails at
    /// random 30% of the time, the rest always pass except in the infrastructure failures (one run in fifty).
    /// </summary>
    public static List<TestHistoryEntry>[] Histories(int tests, int runs)
    {
        var random = new Random(20261121);
        var histories = new List<TestHistoryEntry>[tests];
        for (var t = 0; t < tests; t++)
        {
            var failureChance = t % 20 == 0 ? 0.3 : 0;
            var history = new List<TestHistoryEntry>(runs);
            for (var r = 0; r < runs; r++)
            {
                var infrastructure = r % 50 == 49;
                var status = infrastructure || random.NextDouble() < failureChance ? TestStatus.Failed : TestStatus.Passed;
                history.Add(new TestHistoryEntry($"run-{r}", "main", $"c{r / 2}", DateTimeOffset.UnixEpoch.AddHours(r), status, 100 + r, infrastructure, null));
            }

            histories[t] = history;
        }

        return histories;
    }
}
