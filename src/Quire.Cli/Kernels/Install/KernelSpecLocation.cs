namespace Quire.Cli.Kernels.Install;

/// <summary>Where <c>quire kernel install</c> writes, as <c>jupyter kernelspec install</c>'s options choose.</summary>
internal enum KernelSpecLocation
{
    /// <summary>No option: the first system directory, for every user.</summary>
    System,

    /// <summary><c>--user</c>: the Jupyter data directory.</summary>
    User,

    /// <summary><c>--prefix P</c>: <c>P/share/jupyter/kernels</c>.</summary>
    Prefix,

    /// <summary><c>--sys-prefix</c>: the Python environment's prefix.</summary>
    SysPrefix,
}
