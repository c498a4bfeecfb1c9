namespace Quire.Conversion.Text;

/// <summary>The SGR state at a point in a stream: colours (a class name or an <c>rgb(…)</c> value) and attributes.</summary>
internal record struct AnsiStyle(string? Foreground, string? Background, bool Bold, bool Italic, bool Underline, bool Inverse)
{
    public readonly bool IsPlain => Foreground is null && Background is null && !Bold && !Italic && !Underline && !Inverse;
}
