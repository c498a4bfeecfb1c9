using Microsoft.CodeAnalysis.Scripting;

namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// A cell compiled as a submission, ready to run. <see cref="Declares"/> says whether later cells can see anything of
/// it (variables, methods, types, usings, references); <see cref="Id"/> numbers the compilation, and is in the file
/// name its stack frames carry (<c>cell#Id</c>), so that a frame names the cell it came from.
/// </summary>
internal sealed record CompiledCell(Script<object?> Script, ScriptOptions Options, int Id, bool HasValue, bool Declares);
