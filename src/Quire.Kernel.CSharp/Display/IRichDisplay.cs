namespace Quire.Kernel.CSharp.Display;

/// <summary>
/// A value that chooses its own representation, as <c>_repr_mimebundle_</c> does in IPython. Values are strings for
/// text formats (<c>text/html</c>, base64 for images) or any JSON-serializable object for JSON formats
/// (<c>application/json</c>). A missing <c>text/plain</c> is filled in from <see cref="object.ToString"/>.
/// </summary>
public interface IRichDisplay
{
    IReadOnlyDictionary<string, object> ToMimeBundle();
}
