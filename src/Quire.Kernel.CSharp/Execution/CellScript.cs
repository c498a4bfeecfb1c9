using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// A cell's compiled script and, when compiling it already bound the cell (the lambda pass of
/// <see cref="CellCompiler"/>), that semantic model: its types are the script's (the lambda pass changes no expression's
/// type), so asking it again costs nothing, where a new model of the script would bind the cell once more.
/// </summary>
internal sealed record CellScript(Script<object?> Script, SemanticModel? BoundModel);
