namespace Quire.Server.Tests.Contents;

/// <summary>Notebooks as nbformat writes them (indent 1, sorted keys, sources split into lines, final newline).</summary>
internal static class NotebookJson
{
    public const string Minimal = "{\n \"cells\": [],\n \"metadata\": {},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n";

    public const string WithCode = """
        {
         "cells": [
          {
           "cell_type": "code",
           "execution_count": 1,
           "id": "c1",
           "metadata": {},
           "outputs": [
            {
             "data": {
              "text/html": [
               "<b>1</b>"
              ]
             },
             "execution_count": 1,
             "metadata": {},
             "output_type": "execute_result"
            }
           ],
           "source": [
            "print(1)\n",
            "print(2)"
           ]
          },
          {
           "cell_type": "markdown",
           "id": "m1",
           "metadata": {},
           "source": [
            "# Title"
           ]
          }
         ],
         "metadata": {},
         "nbformat": 4,
         "nbformat_minor": 5
        }

        """;
}
