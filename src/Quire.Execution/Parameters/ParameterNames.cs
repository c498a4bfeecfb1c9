namespace Quire.Execution.Parameters;

/// <summary>
/// Parameter names become variable names in the kernel's language. papermill pastes them in unchecked; Quire accepts
/// only identifiers (letters, digits, underscores, not starting with a digit), so a name cannot inject code.
/// </summary>
public static class ParameterNames
{
    public static bool IsValid(string name) =>
        !string.IsNullOrEmpty(name)
        && (char.IsLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    /// <exception cref="ParameterException">The name is not an identifier.</exception>
    public static void ThrowIfInvalid(string name)
    {
        if (!IsValid(name))
        {
            throw new ParameterException($"parameter name '{name}' is not an identifier (letters, digits and _, not starting with a digit)");
        }
    }
}
