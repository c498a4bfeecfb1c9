using Quire.Benchmarks;

return args switch
{
    ["notebook-format", var path, var repeat] => NotebookFormatBenchmark.Run(path, int.Parse(repeat, System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Quire.Benchmarks notebook-format NOTEBOOK REPEAT");
    return 2;
}
