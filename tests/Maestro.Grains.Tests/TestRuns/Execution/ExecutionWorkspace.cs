using Maestro.Grains.TestRuns.Execution;

namespace Maestro.Grains.Tests.TestRuns.Execution;

/// <summary>A private workspace root and artifact root in the temp folder, with the files tests run there; removed on dispose.</summary>
internal sealed class ExecutionWorkspace : IDisposable
{
    private readonly string top = Path.Combine(Path.GetTempPath(), "maestro-execution-tests", Guid.NewGuid().ToString("N"));

    public ExecutionWorkspace()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Artifacts);
    }

    /// <summary>The workspace root: commands run only under it.</summary>
    public string Root => Path.Combine(top, "workspaces");

    public string Artifacts => Path.Combine(top, "artifacts");

    /// <summary>A folder next to (outside) the root, for files a command must not reach.</summary>
    public string Outside => Directory.CreateDirectory(Path.Combine(top, "outside")).FullName;

    /// <summary>Options for this workspace, with test-sized intervals.</summary>
    public void Configure(TestExecutionOptions options)
    {
        options.WorkspaceRoot = Root;
        options.ArtifactRoot = Artifacts;
        options.ShardCheckInterval = TimeSpan.FromMilliseconds(200);
    }

    /// <summary>Writes a file under the root (folders made as needed) and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(top, recursive: true);
        }
        catch (IOException)
        {
            // A process killed a moment ago may still hold a file; the temp folder is cleaned by the system.
        }
    }
}
