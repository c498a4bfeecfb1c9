using Quire.Conversion.Text;
using Quire.Notebook;

namespace Quire.Conversion;

/// <summary>nbconvert's <c>coalesce_streams</c>: consecutive stream outputs of one name become one, with carriage returns applied.</summary>
internal static class OutputStreams
{
    public static IReadOnlyList<NotebookOutput> Coalesce(IReadOnlyList<NotebookOutput> outputs)
    {
        var result = new List<NotebookOutput>(outputs.Count);
        for (var i = 0; i < outputs.Count; i++)
        {
            if (outputs[i] is not StreamOutput stream)
            {
                result.Add(outputs[i]);
                continue;
            }

            var text = stream.Text;
            var merged = false;
            if (i + 1 < outputs.Count && outputs[i + 1] is StreamOutput following && following.Name == stream.Name)
            {
                var builder = new System.Text.StringBuilder(text);
                while (i + 1 < outputs.Count && outputs[i + 1] is StreamOutput next && next.Name == stream.Name)
                {
                    builder.Append(next.Text);
                    i++;
                }

                text = builder.ToString();
                merged = true;
            }

            var cleaned = StreamText.ApplyCarriageReturns(text);
            result.Add(merged || !ReferenceEquals(cleaned, text) ? StreamOutput.Create(stream.Name, cleaned) : stream);
        }

        return result;
    }
}
