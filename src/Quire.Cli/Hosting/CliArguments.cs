using System.CommandLine;

namespace Quire.Cli.Hosting;

/// <summary>Argument definitions shared by commands.</summary>
internal static class CliArguments
{
    /// <summary>
    /// One or more file paths. System.CommandLine hands an unknown "--option" to a string argument; refuse it here so a
    /// typo is a usage error and never a file name.
    /// </summary>
    public static Argument<string[]> Files(string description, ArgumentArity? arity = null)
    {
        var files = new Argument<string[]>("FILE") { Description = description, Arity = arity ?? ArgumentArity.OneOrMore };
        files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"unknown option '{token.Value}'");
                }
            }
        });
        return files;
    }
}
