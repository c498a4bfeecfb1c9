using Quire.Execution.Parameters;
using Quire.Execution.Tests.Infrastructure;
using Quire.Notebook.Json;

namespace Quire.Execution.Tests.Parameters;

/// <summary>papermill's <c>parameterize_notebook</c> placement rules (papermill/parameterize.py).</summary>
public sealed class ParameterInjectionTests
{
    private static readonly NotebookParameters Values = new NotebookParameters().Set("x", JNumber.From(2));

    [Fact]
    public void The_injected_cell_goes_right_after_the_parameters_cell()
    {
        var notebook = Notebooks.Create("python3", "python", Notebooks.Code("a = 1", "c1"), Notebooks.Code("x = 1", "c2", "parameters"), Notebooks.Code("print(x)", "c3"));

        var result = ParameterInjection.Inject(notebook, Values, new PythonTranslator());

        Assert.Equal(["c1", "c2", null, "c3"], result.Cells.Select(c => c.Id == "c1" || c.Id == "c2" || c.Id == "c3" ? c.Id : null));
        Assert.Equal(["injected-parameters"], result.Cells[2].Tags);
        Assert.Equal("# Parameters\nx = 2\n", result.Cells[2].Source);
        Assert.Equal("""{"x": 2}""", JsonText.ToCompactString(result.Metadata.GetObject("papermill")!["parameters"]!));
    }

    [Fact]
    public void Without_a_parameters_cell_the_injected_cell_goes_first()
    {
        var notebook = Notebooks.Create("python3", "python", Notebooks.Code("print(x)", "c1"));

        var result = ParameterInjection.Inject(notebook, Values, new PythonTranslator());

        Assert.Equal(2, result.Cells.Length);
        Assert.Equal(["injected-parameters"], result.Cells[0].Tags);
        Assert.False(string.IsNullOrEmpty(result.Cells[0].Id), "an nbformat 4.5 notebook's new cell needs an id");
    }

    [Fact]
    public void Injecting_again_replaces_the_previous_injected_cell_in_place()
    {
        var notebook = Notebooks.Create("python3", "python", Notebooks.Code("x = 1", "c1", "parameters"), Notebooks.Code("print(x)", "c2"));
        var once = ParameterInjection.Inject(notebook, Values, new PythonTranslator());

        var twice = ParameterInjection.Inject(once, new NotebookParameters().Set("x", JNumber.From(5)), new PythonTranslator());

        Assert.Equal(3, twice.Cells.Length);
        Assert.Single(twice.Cells, c => c.Tags.Contains("injected-parameters"));
        Assert.Equal("# Parameters\nx = 5\n", twice.Cells[1].Source);
        Assert.Equal("c2", twice.Cells[2].Id);
    }
}
