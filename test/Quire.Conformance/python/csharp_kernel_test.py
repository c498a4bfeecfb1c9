"""Debian's jupyter_kernel_test against Quire's C# kernel, every sample it supports filled in.

Run as `python3 -m unittest -v csharp_kernel_test` with this directory on PYTHONPATH and JUPYTER_PATH pointing at a
directory whose kernels/csharp was written by `quire kernel install`. The C# test parses unittest's own report.
"""

import unittest

import jupyter_kernel_test


class CSharpKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "csharp"
    language_name = "csharp"
    file_extension = ".csx"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("to stderr");'

    completion_samples = [
        {"text": '"abc".Len', "matches": {"Length"}},
        {"text": "Console.WriteL", "matches": {"WriteLine"}},
        {"text": "foreac", "matches": {"foreach"}},
        {"text": "System.Text.StringBuil", "matches": {"StringBuilder"}},
    ]

    complete_code_samples = ["1 + 1", "var x = 1;", "void F() { }", "class C { }", 'Console.WriteLine("a");']
    incomplete_code_samples = ["void F() {", "if (true) {", "var s = new[] {", "class C {"]
    invalid_code_samples = [")", "var x = 1;}"]

    # No pager: C# has no `?`/`help()` that pages; inspect_request covers it.
    code_page_something = ""

    code_generate_error = 'throw new InvalidOperationException("boom");'

    code_execute_result = [
        {"code": "1 + 1", "result": "2"},
        {"code": '"abc".Length', "result": "3"},
        {"code": "6 * 7", "result": "42"},
    ]

    code_display_data = [
        {"code": 'Display(Html("<b>bold</b>"));', "mime": "text/html"},
        {"code": 'Display(Markdown("*emphasis*"));', "mime": "text/markdown"},
    ]

    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Console.WriteLine"

    code_clear_output = "ClearOutput();"


if __name__ == "__main__":
    unittest.main()
