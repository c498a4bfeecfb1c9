namespace Quire.Conversion.Tests.Script;

public sealed class ScriptExporterTests
{
    private const string Cells = """
        [{"cell_type": "markdown", "id": "m", "metadata": {}, "source": "# Setup\nLoad data"},
         {"cell_type": "code", "id": "c", "execution_count": 2, "metadata": {}, "source": "x = 1", "outputs": []}]
        """;

    [Fact]
    public void Python_HashComments_PyExtension()
    {
        var nb = TestNotebooks.FromCells(Cells);

        var (text, _) = TestNotebooks.Export(nb, ConversionFormat.Script);

        Assert.Equal(".py", NotebookConverter.ExporterFor(ConversionFormat.Script).FileExtension(nb));
        Assert.Equal("#!/usr/bin/env python\n# coding: utf-8\n\n# # Setup\n# Load data\n\n\n# In[2]:\n\n\nx = 1\n\n\n", text);
    }

    [Fact]
    public void CSharp_SlashComments_CsExtension()
    {
        var nb = TestNotebooks.FromCells(Cells, "csharp");

        var (text, _) = TestNotebooks.Export(nb, ConversionFormat.Script);

        Assert.Equal(".cs", NotebookConverter.ExporterFor(ConversionFormat.Script).FileExtension(nb));
        Assert.Equal("// # Setup\n// Load data\n\n\n// In[2]:\n\n\nx = 1\n\n\n", text);
    }

    [Fact]
    public void HostileFileExtension_IsNotUsed()
    {
        var nb = Quire.Notebook.Format.NotebookReader.Read("""
            {"cells": [], "metadata": {"language_info": {"name": "R", "file_extension": "/../../x"}}, "nbformat": 4, "nbformat_minor": 5}
            """).Document;

        Assert.Equal(".r", NotebookConverter.ExporterFor(ConversionFormat.Script).FileExtension(nb));
    }
}
