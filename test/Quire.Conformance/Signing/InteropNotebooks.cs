namespace Quire.Conformance.Signing;

/// <summary>Notebooks whose signatures exercise every part of Jupyter's hashing: text, numbers, nesting, outputs.</summary>
internal static class InteropNotebooks
{
    public static IReadOnlyList<(string Name, string Json)> All { get; } =
    [
        ("unicode", """
            {"cells":[{"cell_type":"markdown","id":"u1","metadata":{},"source":["# Zürich ünïcödé 日本語 😀\n","\u00e9 \ud83d\ude00 \uffff"]}],
             "metadata":{"é":"key","😀":"astral","\uffff":"bmp","z":"last"},"nbformat":4,"nbformat_minor":5}
            """),
        ("numbers", """
            {"cells":[{"cell_type":"code","execution_count":12,"id":"n1","metadata":{"f":[0.1,1.0,1e16,1E-7,-0.0,2.50,1e400,123456789012345678901234567890,-0],"b":[true,false,null]},"outputs":[],"source":"x = 1.5"}],
             "metadata":{"pi":3.141592653589793,"big":1e308},"nbformat":4,"nbformat_minor":5}
            """),
        ("nested", """
            {"cells":[{"cell_type":"raw","id":"r1","metadata":{"a":{"b":{"c":[{"d":[1,[2,[3,{"e":"f"}]]]}]}},"tags":["x","y"]},"source":"raw"}],
             "metadata":{"kernelspec":{"display_name":"Python 3","language":"python","name":"python3"},"language_info":{"codemirror_mode":{"name":"ipython","version":3},"name":"python"},"signature":"sha256:0123"},
             "nbformat":4,"nbformat_minor":5}
            """),
        ("outputs", """
            {"cells":[{"cell_type":"code","execution_count":1,"id":"o1","metadata":{"trusted":true},"source":["import json\n","print('a')\n","display(x)"],
              "outputs":[
               {"name":"stdout","output_type":"stream","text":["line 1\n","line 2\n"]},
               {"data":{"text/html":["<b>bold</b>\n","<i>it</i>"],"text/plain":["<IPython.core.display.HTML object>"],"application/json":{"k":[1,2.5,"s"],"nested":{"z":null}},"image/png":"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\n"},"metadata":{"image/png":{"width":1}},"output_type":"display_data"},
               {"data":{"text/plain":["42"]},"execution_count":1,"metadata":{},"output_type":"execute_result"},
               {"ename":"ValueError","evalue":"bad","output_type":"error","traceback":["\u001b[0;31mValueError\u001b[0m","line"]}]},
             {"cell_type":"markdown","id":"o2","metadata":{},"source":"![x](attachment:a.png)","attachments":{"a.png":{"image/png":"iVBORw0KGgo="}}}],
             "metadata":{},"nbformat":4,"nbformat_minor":5}
            """),
        ("v4-0", """
            {"cells":[{"cell_type":"code","execution_count":null,"metadata":{"collapsed":false},"outputs":[],"source":["a = [1,\n","     2]"]}],
             "metadata":{},"nbformat":4,"nbformat_minor":0}
            """),
    ];
}
