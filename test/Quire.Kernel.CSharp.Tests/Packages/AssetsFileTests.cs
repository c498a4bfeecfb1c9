using Quire.Kernel.CSharp.Packages;

namespace Quire.Kernel.CSharp.Tests.Packages;

public sealed class AssetsFileTests
{
    [Fact]
    public void Read_FindsRuntimeAssemblies_InThePackageFolders_AndSkipsPlaceholders()
    {
        var directory = Directory.CreateTempSubdirectory("quire-assets-");
        try
        {
            var folder = Path.Combine(directory.FullName, "packages") + Path.DirectorySeparatorChar;
            var dll = Path.Combine(folder, "a.lib", "1.0.0", "lib", "net8.0", "A.Lib.dll");
            Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
            File.WriteAllText(dll, string.Empty);
            var assets = Path.Combine(directory.FullName, "project.assets.json");
            File.WriteAllText(assets, $$"""
                {
                  "version": 3,
                  "targets": {
                    "net10.0": {
                      "A.Lib/1.0.0": { "type": "package", "compile": { "ref/net8.0/A.Lib.dll": {} }, "runtime": { "lib/net8.0/A.Lib.dll": {} } },
                      "Meta/1.0.0": { "type": "package", "runtime": { "lib/net8.0/_._": {} } },
                      "Local/1.0.0": { "type": "project" }
                    }
                  },
                  "libraries": {
                    "A.Lib/1.0.0": { "type": "package", "path": "a.lib/1.0.0" },
                    "Meta/1.0.0": { "type": "package", "path": "meta/1.0.0" }
                  },
                  "packageFolders": { "{{folder.Replace("\\", "\\\\", StringComparison.Ordinal)}}": {} }
                }
                """);

            var (assemblies, errors) = AssetsFile.Read(assets, "net10.0");

            Assert.Equal([dll], assemblies);
            Assert.Empty(errors);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Read_ReturnsNuGetsErrors()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                { "version": 3, "targets": { "net10.0": {} }, "libraries": {},
                  "logs": [ { "code": "NU1101", "level": "Error", "message": "Unable to find package Nope." }, { "code": "NU1603", "level": "Warning", "message": "approx" } ] }
                """);

            var (assemblies, errors) = AssetsFile.Read(file, "net10.0");

            Assert.Empty(assemblies);
            Assert.Equal(["NU1101: Unable to find package Nope."], errors);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
