using System.Diagnostics;

namespace Maestro.Grains.Tests.AutoRepair;

/// <summary>
/// A small real project in a git repository under a workspace root: two text files and a Python test runner that
/// checks them and writes JUnit XML, as <c>pytest --junitxml</c> would. The price test fails until price.txt says
/// <c>total=30</c>; the label test fails unless label.txt says <c>Buy</c>. Given a test id, it runs only that test,
/// after waiting while a file named <c>hold</c> exists.
/// </summary>
internal sealed class ShopProject : IDisposable
{
    public const string PriceTest = "shop.PriceTests.total";
    public const string LabelTest = "shop.LabelTests.label";

    private const string Runner = """
        import os, sys, time
        from xml.sax.saxutils import escape, quoteattr

        # A re-run of one test waits while the file "hold" exists, so a test can catch a repair mid-validation.
        while len(sys.argv) > 1 and os.path.exists("hold"):
            time.sleep(0.05)

        def check(path, expected):
            actual = open(path).read().strip()
            return None if actual == expected else f"expected {expected}, found {actual}"

        tests = {
            "shop.PriceTests.total": check("price.txt", "total=30"),
            "shop.LabelTests.label": check("label.txt", "Buy"),
        }
        if len(sys.argv) > 1:
            tests = {name: failure for name, failure in tests.items() if name == sys.argv[1]}
        os.makedirs(".maestro", exist_ok=True)
        with open(".maestro/results.xml", "w") as out:
            out.write('<testsuite name="shop">')
            for name, failure in tests.items():
                cls, _, method = name.rpartition(".")
                out.write(f'<testcase classname="{cls}" name="{method}" time="0.01">')
                if failure:
                    out.write(f'<failure message={quoteattr(failure)}>{escape(failure)}</failure>')
                out.write('</testcase>')
            out.write('</testsuite>')
        sys.exit(1 if any(tests.values()) else 0)
        """;

    private readonly bool ownsRoot;

    /// <param name="git">Make the folder a git repository with one commit.</param>
    /// <param name="workspaceRoot">An existing workspace root to create the project in; by default a new temporary one.</param>
    public ShopProject(bool git = true, string? workspaceRoot = null)
    {
        ownsRoot = workspaceRoot is null;
        WorkspaceRoot = workspaceRoot ?? Path.Combine(Path.GetTempPath(), "maestro-repair-tests", Guid.NewGuid().ToString("N"));
        Folder = Path.Combine(WorkspaceRoot, ownsRoot ? "shop" : $"shop-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "check.py"), Runner);
        File.WriteAllText(Path.Combine(Folder, "price.txt"), "total=25\n");
        File.WriteAllText(Path.Combine(Folder, "label.txt"), "Buy\n");
        File.WriteAllText(Path.Combine(Folder, ".gitignore"), ".maestro/\nhold\nhold-commit\nin-hook\n");
        if (git)
        {
            Git("init", "--quiet", "--initial-branch=main");
            Git("add", ".");
            Git("-c", "user.name=Developer", "-c", "user.email=dev@example.invalid", "commit", "--quiet", "-m", "The shop");
        }
    }

    public string WorkspaceRoot { get; }

    /// <summary>The project folder.</summary>
    public string Folder { get; }

    public string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));

    public void Write(string file, string content) => File.WriteAllText(Path.Combine(Folder, file), content);

    /// <summary>Writes <paramref name="file"/> and commits it, as a developer would.</summary>
    public void Commit(string file, string content, string message, string author = "Developer")
    {
        Write(file, content);
        Git("add", "--", file);
        Git("-c", $"user.name={author}", "-c", "user.email=dev@example.invalid", "commit", "--quiet", "-m", message);
    }

    /// <summary>Runs git in the project and returns its output.</summary>
    public string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
    }

    public void Dispose() => Directory.Delete(ownsRoot ? WorkspaceRoot : Folder, recursive: true);
}
