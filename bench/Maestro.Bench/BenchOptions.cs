namespace Maestro.Bench;

/// <summary>The command line, parsed and validated before anything starts, so a typo fails in a second, not after a run.</summary>
internal sealed record BenchOptions
{
    public const string HelpText =
        """
        Maestro runtime benchmark: grain calls and persisted state writes, each beside a raw baseline measured in the
        same run, with the ratio and its target. Build in Release; the machine should be otherwise idle.

        Usage:
          dotnet run -c Release --project bench/Maestro.Bench -- runtime [options]
          dotnet run -c Release --project bench/Maestro.Bench -- cluster [options]
          dotnet run -c Release --project bench/Maestro.Bench -- client [options]
          dotnet run -c Release --project bench/Maestro.Bench -- results [options]
          dotnet run -c Release --project bench/Maestro.Bench -- workflows [options]
          dotnet run -c Release --project bench/Maestro.Bench -- streams [options]
          dotnet run -c Release --project bench/Maestro.Bench -- runs [options]
          dotnet run -c Release --project bench/Maestro.Bench -- registry [options]
          dotnet run -c Release --project bench/Maestro.Bench -- gateway [options]
          dotnet run -c Release --project bench/Maestro.Bench -- healing [options]
          dotnet run -c Release --project bench/Maestro.Bench -- dashboard [options]
          dotnet run -c Release --project bench/Maestro.Bench -- journeys [options]
          dotnet run -c Release --project bench/Maestro.Bench -- automation [options]

        Commands:
          runtime              Run the runtime figures (the default when no command is given).
          cluster              Two silos on a private PostgreSQL server: cross-silo grain calls vs a raw h2c
                               echo, and failover time. --only and --data do not apply.
          client               One silo with its gateway and a Maestro.Client connected to it: client grain
                               calls vs a raw h2c echo. --only does not apply.
          results              Test results: JUnit files imported through ITestRunGrain vs a plain parse of the
                               same files, and flaky analysis of 10,000 tests x 100 runs vs a plain loop over the
                               same data. Uses --rounds and --data only; prints a table, writes no JSON.
          workflows            Workflow steps per second through the engine vs the same steps in a plain
                               loop. --callers and --only do not apply (1 and 8 concurrent workflows).
          streams              Persistent streams on SQLite (one silo) and PostgreSQL (a private server): events/s
                               end to end and delivery latency p50/p99, beside raw inserts of the same rows into the
                               same database. --duration applies per phase; --only, --rounds, --callers do not.
          runs                 Suite runs per second: a junit-command suite (python3 writing 50 tests) through
                               ITestRunExecutionGrain vs the same command as a plain process. --callers and --only
                               do not apply (1 and 4 concurrent runs).
          registry             Service registrations and heartbeats through the registry's grains vs raw upserts of
                               the same rows (1 and --callers services). --only does not apply.
          gateway              A REST read through the gateway's setup (Maestro.Client over a silo's gateway
                               port) vs the same read on the REST API co-hosted with the silo. --only does not apply.
          healing              Locator heals per second on a 2,000-element page in Chromium vs document.querySelector
                               on the same page, and accuracy over the healing mutation set. Uses --rounds and --data
                               only; prints a table, writes no JSON.
          dashboard            The silo host in this process: grain calls with the dashboard's overview open
                               (statistics on, polled every second) vs the same calls with it closed. --only does
                               not apply.
          journeys             Browser journey steps per second through the playwright and selenium adapters vs
                               the same actions as raw Playwright / raw Selenium calls, on /usr/bin/chromium.
                               Uses --rounds (3 journeys a round and side) and --output / --no-json only.
          automation           Auto-repairs of a git project (detect, plan, apply, validate, commit) through the
                               project's grain vs the same processes run by hand. Uses --rounds (5 repairs a
                               round and side) only; prints a table, writes no JSON.

        Options:
          --duration <sec>     Measured time per case and round, in seconds (default 2; 0.5 to 600).
          --warmup <sec>       Warm-up before each case, not measured (default 0.5; 0 to 60). Later rounds
                               of a case only ramp up for 0.2 s.
          --callers <n>        Concurrent callers / writers of the "many" cases (default 64; 2 to 4096).
                               Every case also runs with a single caller.
          --only <suite>       calls | storage (default: both).
          --rounds <n>         Run each figure and its baseline n times, alternating, and keep the best of each
                               (default 4; 1 to 10). Rounds filter the noise of a busy machine: SQLite's
                               checkpoint fsyncs alone swing a single run by 30%.
          --output <dir>       Folder for the JSON results (default: bench/results in the repository).
          --data <dir>         Folder under which the SQLite files are made (default: the system temp folder).
          --no-json            Print the table only.
          -h, --help           Show this text.

        Figures (ratio = figure ops/s / baseline ops/s):
          grain calls          IPingGrain.Ping(int) from the co-hosted client, each caller its own grain,
                               vs a Channel<T> request/response round trip (TaskCompletionSource per request,
                               RunContinuationsAsynchronously). Target: >= 25%.
          state writes         a grain call that changes state and awaits WriteStateAsync (SQLite, WAL, NORMAL),
                               each writer its own grain, vs a prepared INSERT ... ON CONFLICT DO UPDATE of the same
                               JSON on one held connection (WAL, NORMAL, one transaction per row). Target: >= 80%.

        Cluster figures:
          cross-silo calls     IClusterPingGrain.Ping(int) from silo A's client to grains placed on silo B
                               (prefer-local, activated through B), vs a POST echo over HTTP/2 cleartext between
                               an HttpClient and a Kestrel endpoint of this process set up like the silo transport.
                               Target: >= 50%.
          failover             default lease settings: kill the silo hosting a grain, time until the first
                               successful call through the survivor. Target: <= 15 s.

        Client figures:
          client calls         IPingGrain.Ping(int) from a ConnectedClusterClient through the silo's gateway port
                               (HTTP/2 cleartext, loopback), each caller its own grain, vs the same raw h2c echo.
                               Target: >= 50%.

        Workflow figures:
          process steps        a workflow of 10 chained /bin/true process steps on a fresh IWorkflowGrain
                               (started, polled every 1 ms to completion) vs the same 10 steps through the same
                               process step executor in a plain loop. Target: >= 80%.
          wait steps           the same with 'wait 1ms' steps: the engine's own cost per step (two state
                               writes, scheduling) beside a 1 ms delay. Target: >= 50%.

        Streams figures:
          events/s             16 streams appended in batches of 100 for --duration, timed until every event reached
                               its implicit consumer, vs the same rows inserted raw (same batches, one connection).
                               Target on SQLite: >= 10,000 events/s.
          latency              one event every 10 ms, from creation to the consumer's handler, p50 and p99, beside a
                               single-row insert transaction. Target on PostgreSQL: p99 <= 250 ms.

        Test-run figures:
          suite runs           a junit-command suite on a fresh ITestRunExecutionGrain (request stored, one shard
                               grain, the command with its capped log, the JUnit parse, the import into the run and
                               its analytics; polled every 2 ms to completion) vs the same python3 command started
                               as a plain process and waited for. Target: >= 50%.

        Registry figures:
          registrations        IServiceGrain.RegisterAsync (replacing the caller's own service: its state and the
                               index grain's state written) vs upserts of those two rows as the grains stored them,
                               one transaction each, on one held connection. Target: >= 50%.
          heartbeats           IServiceGrain.HeartbeatAsync (its state written) vs an upsert of that row. Target: >= 80%.

        Gateway figures:
          REST GET             GET /api/services/{name} with an API key (key grain, then service grain), served by
                               api/Maestro.Api over Maestro.Client (the gateway) vs over the silo's own grain
                               factory (co-hosted), both on Kestrel in this process, HTTP/1.1 keep-alive. Target: >= 50%.

        Dashboard figures:
          dashboard open       IPingGrain.Ping(int) from the co-hosted client, each caller its own grain, while a
                               signed-in poller fetches /dashboard/api/overview every second, vs the same calls with
                               nobody looking (statistics off). Target: >= 95%.
          open on gateway      The same with the poller on a gateway host's dashboard (Maestro.Client over the silo's
                               gateway port, in this process) instead of the silo's. Target: >= 95%.

        Journeys figures (per step; a journey is a navigation and 40 steps in a fresh browser context):
          playwright adapter   steps through PlaywrightJourneyAdapter.RunAsync (YAML, locator resolver,
                               actionability waits) vs page.ClickAsync / FillAsync / TextContentAsync /
                               IsVisibleAsync with CSS selectors on a new context. Target: >= 50%.
          selenium adapter     steps through SeleniumJourneyAdapter.RunAsync vs FindElement + Click / Clear +
                               SendKeys / Text / Displayed on one ChromeDriver session. Target: >= 50%.

        The exit code is 0 whether or not a target is met (2 for a bad command line).
        """;

    /// <summary>"runtime" (one silo), "cluster" (two silos on PostgreSQL), "client" (a gateway client and one silo), "results" (test results), "workflows", "streams", "runs", "registry", "gateway", "healing", "dashboard", "journeys" or "automation".</summary>
    public string Command { get; init; } = "runtime";

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(0.5);

    public int Callers { get; init; } = 64;

    public BenchSuite Suites { get; init; } = BenchSuite.All;

    public int Rounds { get; init; } = 4;

    public string? OutputDirectory { get; init; }

    public string? DataDirectory { get; init; }

    public bool WriteJson { get; init; } = true;

    public bool ShowHelp { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        string? command = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-'))
            {
                if (command is not null)
                {
                    throw new BenchUsageException($"Unexpected argument '{arg}': only one command may be given (and '{command}' was).");
                }

                command = arg;
                continue;
            }

            // "--name=value" and "--name value" are both accepted.
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            var inline = equals > 0 ? arg[(equals + 1)..] : null;
            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new BenchUsageException($"Option {name} needs a value.");
                }

                return args[++i];
            }

            options = name switch
            {
                "-h" or "--help" or "-?" => options with { ShowHelp = true },
                "--duration" => options with { Duration = Seconds(name, Value(), 0.5, 600) },
                "--warmup" => options with { Warmup = Seconds(name, Value(), 0, 60) },
                "--callers" => options with { Callers = Integer(name, Value(), 2, 4096) },
                "--rounds" => options with { Rounds = Integer(name, Value(), 1, 10) },
                "--only" => options with { Suites = Suite(Value()) },
                "--output" => options with { OutputDirectory = Path(name, Value()) },
                "--data" => options with { DataDirectory = Path(name, Value()) },
                "--no-json" when inline is null => options with { WriteJson = false },
                _ => throw new BenchUsageException($"Unknown option '{arg}'."),
            };
        }

        if (command is not null && command is not ("runtime" or "cluster" or "client" or "results" or "workflows" or "streams" or "runs" or "registry" or "gateway" or "healing" or "dashboard" or "journeys" or "automation"))
        {
            throw new BenchUsageException($"Unknown command '{command}'. The commands are 'runtime', 'cluster', 'client', 'results', 'workflows', 'streams', 'runs', 'registry', 'gateway', 'healing', 'dashboard', 'journeys' and 'automation'.");
        }

        return command is null ? options : options with { Command = command };
    }

    private static TimeSpan Seconds(string name, string text, double min, double max)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
        {
            throw new BenchUsageException($"{name} expects a number of seconds (e.g. 2.5), not '{text}'.");
        }

        if (seconds < min || seconds > max)
        {
            throw new BenchUsageException($"{name} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)} seconds, not {text}.");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static int Integer(string name, string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new BenchUsageException($"{name} expects a whole number, not '{text}'.");
        }

        if (value < min || value > max)
        {
            throw new BenchUsageException($"{name} must be between {min} and {max}, not {value}.");
        }

        return value;
    }

    private static BenchSuite Suite(string text) => text.ToLowerInvariant() switch
    {
        "calls" => BenchSuite.Calls,
        "storage" => BenchSuite.Storage,
        _ => throw new BenchUsageException($"--only expects 'calls' or 'storage', not '{text}'."),
    };

    private static string Path(string name, string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new BenchUsageException($"{name} needs a folder path.") : System.IO.Path.GetFullPath(text);
}
