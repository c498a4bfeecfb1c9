using Quire.Cli.Hosting;
using Quire.Conformance.Infrastructure;

namespace Quire.Conformance.Execution;

/// <summary>
/// <c>quire run</c>'s output against Debian's Python: it validates with <c>nbformat.validate</c>, re-executes under
/// <c>nbclient</c>, and a notebook parameterized by Quire gives the kernel the same values as one parameterized the
/// papermill way (papermill is not packaged in Debian, so execute_papermill_way.py applies papermill's documented
/// rules: translators.py's PythonTranslator and parameterize.py's placement).
/// </summary>
public sealed class NbclientCompatibilityTests
{
    private static readonly string Scripts = Path.Combine(AppContext.BaseDirectory, "Execution");

    [Fact]
    public async Task Quire_output_validates_and_reexecutes_under_nbclient()
    {
        PythonEnvironment.RequireModules("nbformat", "nbclient", "ipykernel");
        var dir = Directory.CreateTempSubdirectory("quire-run-conformance-").FullName;
        var input = Path.Combine(dir, "in.ipynb");
        await File.WriteAllTextAsync(input, Notebook("print('hello')\\n", "from IPython.display import display\\ndisplay({'text/plain': 'shown'}, raw=True)\\n1 + 1"), TestContext.Current.CancellationToken);
        var output = Path.Combine(dir, "out.ipynb");

        var (exit, error) = await QuireAsync(["run", input, output, "-p", "x", "3"]);
        var (code, stdout, stderr) = await PythonEnvironment.RunScriptAsync(Path.Combine(Scripts, "validate_and_reexecute.py"), [output], TestContext.Current.CancellationToken);

        Assert.True(exit == 0, $"quire run exited {exit}: {error}");
        Assert.True(code == 0, $"nbformat.validate or nbclient failed on Quire's output:\n{stdout}\n{stderr}");
        Assert.Contains("valid; re-executed 3 cells; outputs match", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quire_and_papermill_parameterization_give_the_kernel_the_same_values()
    {
        PythonEnvironment.RequireModules("nbformat", "nbclient", "ipykernel");
        var dir = Directory.CreateTempSubdirectory("quire-run-papermill-").FullName;
        var input = Path.Combine(dir, "in.ipynb");
        var echo = "import json\\nprint(json.dumps({n: [repr(v), type(v).__name__] for n, v in sorted(globals().items()) if n.startswith('p_')}))";
        await File.WriteAllTextAsync(input, Notebook("p_int = 0\\n", echo), TestContext.Current.CancellationToken);
        var output = Path.Combine(dir, "quire.ipynb");
        string[][] values =
        [
            ["p_int", "42"], ["p_float", "2.5"], ["p_exp", "1e3"], ["p_true", "True"], ["p_none", "None"], ["p_str", "hello"],
            ["p_quote", "\"; import os; os.system('echo pwned') #"], ["p_newline", "a\nb\\n"], ["p_unicode", "é€😀"], ["p_lower", "true"],
        ];
        var args = new List<string> { "run", input, output };
        foreach (var pair in values)
        {
            args.AddRange(["-p", pair[0], pair[1]]);
        }

        var (exit, error) = await QuireAsync([.. args]);
        var papermillArgs = new List<string> { input, Path.Combine(dir, "papermill.ipynb"), output };
        papermillArgs.AddRange(values.SelectMany(v => v));
        var (code, stdout, stderr) = await PythonEnvironment.RunScriptAsync(
            Path.Combine(Scripts, "execute_papermill_way.py"), papermillArgs, TestContext.Current.CancellationToken);

        Assert.True(exit == 0, $"quire run exited {exit}: {error}");
        Assert.True(code == 0, $"the papermill-way run or the comparison failed:\n{stdout}\n{stderr}");
        Assert.Contains("same kernel-side values for 10 parameters", stdout, StringComparison.Ordinal);
    }

    private static string Notebook(string parameters, string code) => $$$"""
        {
         "cells": [
          {"cell_type": "code", "execution_count": null, "id": "params", "metadata": {"tags": ["parameters"]}, "outputs": [], "source": "{{{parameters}}}"},
          {"cell_type": "code", "execution_count": null, "id": "code", "metadata": {}, "outputs": [], "source": "{{{code}}}"}
         ],
         "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
         "nbformat": 4,
         "nbformat_minor": 5
        }
        """;

    private static async Task<(int Exit, string Error)> QuireAsync(string[] args)
    {
        using var input = new MemoryStream();
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var console = new CliConsole(input, output, error, colors: false);
        var exit = await QuireCli.InvokeAsync(args, console, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);
        return (exit, error.ToString());
    }
}
