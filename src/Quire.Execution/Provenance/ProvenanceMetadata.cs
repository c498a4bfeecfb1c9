using Quire.Execution.Running;
using Quire.Kernels.KernelSpecs;
using Quire.Messaging.Protocol.Content;
using Quire.Notebook.Json;

namespace Quire.Execution.Provenance;

/// <summary>
/// The run's provenance in the notebook's metadata: <c>metadata.quire</c> (Quire's own block, documented in
/// docs/execution.md), papermill's <c>metadata.papermill</c> timing fields, and nbclient's <c>language_info</c>.
/// </summary>
internal static class ProvenanceMetadata
{
    public const string Key = "quire";

    public static JObject Begin(JObject metadata, RunProvenance? provenance, KernelSpec spec, string? workingDirectory, DateTimeOffset started)
    {
        var run = new JObjectBuilder()
            .Set("start_time", Timestamps.Format(started))
            .Set("status", "running")
            .Set("kernel", JObject.Of(("name", spec.Name), ("display_name", spec.DisplayName), ("language", spec.Language)));
        if (provenance?.InputPath is { } input)
        {
            run.Set("input", provenance.InputSha256 is { } hash ? JObject.Of(("path", input), ("sha256", hash)) : JObject.Of(("path", input)));
        }

        if (provenance?.OutputPath is { } output)
        {
            run.Set("output", JObject.Of(("path", output)));
        }

        if (provenance?.Git is { } git)
        {
            run.Set("git", JObject.Of(("commit", git.Commit), ("dirty", git.Dirty)));
        }

        if (workingDirectory is not null)
        {
            run.Set("cwd", workingDirectory);
        }

        run.Set("parameters", provenance?.Parameters?.ToJson() ?? JObject.Empty);
        var quire = JObject.Of(("version", QuireVersion.Current), ("run", run.Build()));
        var papermill = (metadata.GetObject("papermill") ?? JObject.Empty)
            .With("start_time", Timestamps.Format(started))
            .With("end_time", JLiteral.Null)
            .With("duration", JLiteral.Null)
            .With("exception", JLiteral.Null);
        if (provenance?.InputPath is { } inputPath)
        {
            papermill = papermill.With("input_path", inputPath);
        }

        if (provenance?.OutputPath is { } outputPath)
        {
            papermill = papermill.With("output_path", outputPath);
        }

        return metadata.With(Key, quire).With("papermill", papermill);
    }

    /// <summary>nbclient stores the kernel's <c>language_info</c> in the notebook; Quire keeps the implementation too.</summary>
    public static JObject Kernel(JObject metadata, KernelInfoReply? info)
    {
        if (info is null)
        {
            return metadata;
        }

        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(info, Quire.Messaging.Protocol.MessagingJsonContext.Default.KernelInfoReply);
        var reply = (JObject)JsonParser.Parse(json);
        if (reply.GetObject("language_info") is { } languageInfo)
        {
            metadata = metadata.With("language_info", languageInfo);
        }

        return UpdateRun(metadata, run => run.With("kernel", (run.GetObject("kernel") ?? JObject.Empty)
            .With("implementation", reply["implementation"] ?? JLiteral.Null)
            .With("implementation_version", reply["implementation_version"] ?? JLiteral.Null)
            .With("protocol_version", reply["protocol_version"] ?? JLiteral.Null)));
    }

    public static JObject End(JObject metadata, ExecutionOutcome outcome, DateTimeOffset started, DateTimeOffset ended, string? failedCellId, JObject records)
    {
        var duration = JNumber.From((ended - started).TotalSeconds);
        metadata = UpdateRun(metadata, run =>
        {
            run = run.With("end_time", Timestamps.Format(ended)).With("duration", duration).With("status", StatusName(outcome.Status));
            if (outcome.Message is { } message)
            {
                run = run.With("message", message);
            }

            if (outcome.FailedCellIndex is { } index)
            {
                run = run.With("failed_cell", failedCellId is null ? JObject.Of(("index", index)) : JObject.Of(("index", index), ("id", failedCellId)));
            }

            if (outcome.KernelExitCode is { } exit)
            {
                run = run.With("kernel", (run.GetObject("kernel") ?? JObject.Empty).With("exit_code", exit));
            }

            return run;
        });
        var quire = (metadata.GetObject(Key) ?? JObject.Empty).With("records", records);
        var papermill = (metadata.GetObject("papermill") ?? JObject.Empty)
            .With("end_time", Timestamps.Format(ended))
            .With("duration", duration)
            .With("exception", outcome.Status is ExecutionStatus.Completed ? JLiteral.Null : JLiteral.True);
        return metadata.With(Key, quire).With("papermill", papermill);
    }

    public static string StatusName(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Completed => "completed",
        ExecutionStatus.CellError => "cell_error",
        ExecutionStatus.Timeout => "timeout",
        ExecutionStatus.KernelDied => "kernel_died",
        _ => "interrupted",
    };

    private static JObject UpdateRun(JObject metadata, Func<JObject, JObject> update)
    {
        var quire = metadata.GetObject(Key) ?? JObject.Empty;
        return metadata.With(Key, quire.With("run", update(quire.GetObject("run") ?? JObject.Empty)));
    }
}
