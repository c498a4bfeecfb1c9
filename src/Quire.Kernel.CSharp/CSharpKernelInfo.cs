using System.Runtime.InteropServices;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.CSharp;

/// <summary>The kernel's <c>kernel_info_reply</c>: C# and the runtime it runs on.</summary>
internal static class CSharpKernelInfo
{
    /// <summary>
    /// The C# version cells compile as (Roslyn's effective "latest"). A constant, so that answering kernel_info does
    /// not load Roslyn; a test checks it against Roslyn.
    /// </summary>
    public const string LanguageVersionText = "15.0";

    public static KernelInfoReply Create() => new()
    {
        Implementation = "quire-csharp",
        ImplementationVersion = typeof(CSharpKernelInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        Banner = $"Quire C# kernel — C# {LanguageVersionText} on {RuntimeInformation.FrameworkDescription}",
        LanguageInfo = new LanguageInfo
        {
            Name = "csharp",
            Version = LanguageVersionText,
            Mimetype = "text/x-csharp",
            FileExtension = ".csx",
            PygmentsLexer = "csharp",
            CodemirrorMode = System.Text.Json.JsonDocument.Parse("\"text/x-csharp\"").RootElement.Clone(),
            NbconvertExporter = "script",
        },
        HelpLinks = [new HelpLink { Text = "C# documentation", Url = "https://learn.microsoft.com/dotnet/csharp/" }],
    };
}
