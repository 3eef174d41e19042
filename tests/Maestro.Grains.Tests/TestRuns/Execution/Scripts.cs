namespace Maestro.Grains.Tests.TestRuns.Execution;

/// <summary>Python programs the tests run as real commands (python3 with a script file and arguments; never a shell string).</summary>
internal static class Scripts
{
    /// <summary>
    /// Writes a JUnit file (argv[1]) for calc.MathTest.adds and calc.MathTest.subtracts, or only the ids in
    /// MAESTRO_TESTS. 'adds' fails the first time the script runs in its folder (a marker file remembers) and passes after.
    /// </summary>
    public const string FailsOnceJUnit = """
        import os, sys
        marker = "adds.failed-once"
        first = not os.path.exists(marker)
        open(marker, "a").close()
        requested = os.environ.get("MAESTRO_TESTS")
        ids = requested.split("\n") if requested else ["calc.MathTest.adds", "calc.MathTest.subtracts"]
        with open(sys.argv[1], "w") as out:
            out.write('<testsuite name="calc">')
            for test_id in ids:
                name = test_id.rsplit(".", 1)[1]
                out.write('<testcase classname="calc.MathTest" name="%s" time="0.02">' % name)
                if name == "adds" and first:
                    out.write('<failure type="AssertionError" message="expected 4 but was 5">at calc.MathTest.adds(MathTest.java:12)</failure>')
                out.write("</testcase>")
            out.write("</testsuite>")
        print("ran", ", ".join(ids))
        sys.exit(1 if first else 0)
        """;

    /// <summary>Starts a child process that sleeps, writes the child's pid to argv[1], then sleeps itself: a process tree to kill.</summary>
    public const string SleepingTree = """
        import subprocess, sys, time
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        with open(sys.argv[1], "w") as out:
            out.write(str(child.pid))
        print("child", child.pid, flush=True)
        time.sleep(600)
        """;

    /// <summary>Writes argv[1] bytes of output to stdout and exits 0.</summary>
    public const string Chatty = """
        import sys
        total = int(sys.argv[1])
        line = b"x" * 1023 + b"\n"
        for _ in range(total // 1024):
            sys.stdout.buffer.write(line)
        sys.stdout.flush()
        """;

    /// <summary>Prints every argument on its own line, so a test sees what the program received.</summary>
    public const string EchoArguments = """
        import sys
        for argument in sys.argv[1:]:
            print("arg:" + argument)
        """;

    /// <summary>
    /// Appends a line to starts.log each time it starts, waits (at most 120 s) until a file named 'gate' exists, then
    /// writes a passing JUnit file (argv[1]) for resumed.Test.waits.
    /// </summary>
    public const string WaitsForGate = """
        import os, sys, time
        with open("starts.log", "a") as log:
            log.write("started\n")
        deadline = time.time() + 120
        while not os.path.exists("gate"):
            if time.time() > deadline:
                sys.exit(2)
            time.sleep(0.05)
        with open(sys.argv[1], "w") as out:
            out.write('<testsuite name="resumed"><testcase classname="resumed.Test" name="waits" time="0.1"/></testsuite>')
        """;
}
