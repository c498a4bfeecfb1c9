namespace Quire.Conformance.Conversion;

/// <summary>Notebooks for the conversion conformance tests: every kind of cell and output, and outputs that try to run script.</summary>
internal static class HostileNotebook
{
    /// <summary>Every script here would change the page title to PWNED or add an element with id "pwned" if it ran.</summary>
    public const string Json = """
        {"cells": [
          {"cell_type": "markdown", "id": "m1", "metadata": {}, "source": "# Quire conversion\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nMath $x^2$.\n\n<script>document.title='PWNED-md'</script><img src=x onerror=\"document.title='PWNED-md-img'\">"},
          {"cell_type": "code", "id": "c1", "execution_count": 1, "metadata": {}, "source": "for i in range(3):\n    print(i)", "outputs": [
            {"output_type": "stream", "name": "stdout", "text": "0\n1\n2\n"},
            {"output_type": "stream", "name": "stderr", "text": "\u001b[31mwarning\u001b[0m\n"}]},
          {"cell_type": "code", "id": "c2", "execution_count": 2, "metadata": {}, "source": "display(html)", "outputs": [
            {"output_type": "display_data", "metadata": {}, "data": {"text/plain": "<HTML>",
              "text/html": "<table><tr><td>cell</td></tr></table><script>document.title='PWNED-html';document.body.insertAdjacentHTML('beforeend','<div id=\"pwned\">x</div>')</script><img src=\"x\" onerror=\"document.title='PWNED-onerror'\"><a id=\"jslink\" href=\"javascript:document.title='PWNED-link'\">link</a>"}},
            {"output_type": "display_data", "metadata": {}, "data": {"text/plain": "<svg>",
              "image/svg+xml": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"20\" onload=\"document.title='PWNED-svg'\"><script>document.title='PWNED-svg2'</script><rect width=\"20\" height=\"20\" fill=\"red\"/></svg>"}},
            {"output_type": "display_data", "metadata": {}, "data": {"text/plain": "<JS>", "application/javascript": "document.title='PWNED-js'"}},
            {"output_type": "execute_result", "execution_count": 2, "metadata": {}, "data": {"text/plain": "42"}}]},
          {"cell_type": "code", "id": "c3", "execution_count": 3, "metadata": {}, "source": "plot()", "outputs": [
            {"output_type": "display_data", "metadata": {}, "data": {"text/plain": "<Figure>",
              "image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="}},
            {"output_type": "error", "ename": "ValueError", "evalue": "bad", "traceback": ["\u001b[0;31mValueError\u001b[0m: bad"]}]},
          {"cell_type": "code", "id": "c4", "execution_count": null, "metadata": {}, "source": "# not run", "outputs": []}],
         "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                      "language_info": {"name": "python", "file_extension": ".py"}},
         "nbformat": 4, "nbformat_minor": 5}
        """;
}
