using System;
using System.Globalization;
using System.IO;

namespace ErrorCatalog.PackageTests
{
    /// <summary>One packing per test run, shared by every class of the collection.</summary>
    [Xunit.CollectionDefinition(Name)]
    public sealed class PackageCollection : Xunit.ICollectionFixture<PackageFixture>
    {
        public const string Name = "package";
    }

    /// <summary>
    /// Packs ErrorCatalog.Generator and a tiny foreign analyzer package that bundles another YamlDotNet
    /// version into a temporary feed. Every package the tests make has the version <see cref="TestVersion"/>
    /// and is restored into the tests' own packages folder (<see cref="PackagesFolder"/>, kept between runs),
    /// never into the user's global packages folder, which the work folders read as a fallback only: after
    /// <c>dotnet test</c> the user's NuGet folder holds no package the tests made. The made packages are
    /// removed from the tests' folder first, so no stale copy can stand in for this run's.
    /// </summary>
    public sealed class PackageFixture : IDisposable
    {
        public const string OtherYamlDotNetVersion = "13.7.1";

        /// <summary>The version of every package the tests make: one no published package has.</summary>
        public const string TestVersion = "0.0.0-errorcatalog-package-tests";

        public PackageFixture()
        {
            Root = Path.Combine(Path.GetTempPath(), "errcat-package-" + Guid.NewGuid().ToString("N"));
            Feed = Path.Combine(Root, "feed");
            Directory.CreateDirectory(Feed);
            Version = TestVersion;
            RemoveMadePackages();
            Dotnet.IsolateRestores(Root, PackagesFolder);
            string repo = Dotnet.RepositoryRoot();
            Dotnet.MustRun($"pack \"{Path.Combine(repo, "generator", "ErrorCatalog.Package", "ErrorCatalog.Package.csproj")}\" -c Release -p:Version={Version} -o \"{Feed}\"", repo);
            PackagePath = Path.Combine(Feed, $"ErrorCatalog.Generator.{Version}.nupkg");
            PackOtherAnalyzer();
        }

        public string Root { get; }

        public string Feed { get; }

        public string Version { get; }

        public string PackagePath { get; }

        /// <summary>The tests' own NuGet packages folder (ignored by git, kept between runs: a second run downloads nothing new).</summary>
        public static string PackagesFolder => Path.Combine(Dotnet.RepositoryRoot(), "artifacts", "package-tests", "packages");

        /// <summary>The user's global packages folder, which the work folders read as a fallback and never write to.</summary>
        public static string UserPackagesFolder
            => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
                ? set
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        /// <summary>
        /// A fresh <c>dotnet new classlib</c> named <paramref name="id"/> (package version <see cref="TestVersion"/>) that owns
        /// <paramref name="catalogs"/> (paths relative to the project) and references the packed generator with
        /// <c>&lt;PrivateAssets&gt;none&lt;/PrivateAssets&gt;</c>, as the README's library layout says; not yet packed.
        /// </summary>
        public string NewCatalogLibrary(string folder, string id, params (string Path, string Yaml)[] catalogs)
        {
            string lib = NewWorkFolder(folder);
            Dotnet.MustRun($"new classlib -n {id} -o . --no-restore", lib);
            File.Delete(Path.Combine(lib, "Class1.cs"));
            string project = Path.Combine(lib, id + ".csproj");
            File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>",
                $"  <PropertyGroup><Version>{TestVersion}</Version></PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include=\"ErrorCatalog.Generator\" Version=\"{Version}\">\n      <PrivateAssets>none</PrivateAssets>\n    </PackageReference>\n  </ItemGroup>\n</Project>", StringComparison.Ordinal));
            foreach ((string path, string yaml) in catalogs)
            {
                string file = Path.Combine(lib, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, yaml);
            }

            return lib;
        }

        /// <summary>A new empty folder with a nuget.config that adds the temporary feed.</summary>
        public string NewWorkFolder(string name)
        {
            string dir = Path.Combine(Root, name);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "nuget.config"), $@"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <packageSources>
    <add key=""errorcatalog-package-tests"" value=""{Feed}"" />
  </packageSources>
  <fallbackPackageFolders>
    <add key=""user"" value=""{UserPackagesFolder}"" />
  </fallbackPackageFolders>
</configuration>
");
            return dir;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        /// <summary>Removes from the tests' packages folder every package of the tests' own version.</summary>
        private static void RemoveMadePackages()
        {
            if (!Directory.Exists(PackagesFolder))
            {
                return;
            }

            foreach (string package in Directory.GetDirectories(PackagesFolder))
            {
                string made = Path.Combine(package, TestVersion);
                if (Directory.Exists(made))
                {
                    Directory.Delete(made, recursive: true);
                }
            }
        }

        /// <summary>Another vendor's generator that uses YamlDotNet 13.7.1 and ships it beside itself.</summary>
        private void PackOtherAnalyzer()
        {
            string dir = NewWorkFolder("other-analyzer");
            File.WriteAllText(Path.Combine(dir, "Other.Analyzer.csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
    <PackageId>ErrorCatalogTests.Other.Analyzer</PackageId>
    <Version>{TestVersion}</Version>
    <IncludeBuildOutput>false</IncludeBuildOutput>
    <SuppressDependenciesWhenPacking>true</SuppressDependenciesWhenPacking>
    <DevelopmentDependency>true</DevelopmentDependency>
    <EnforceExtendedAnalyzerRules>true</EnforceExtendedAnalyzerRules>
    <NoWarn>$(NoWarn);NU5128;RS1035;RS2008</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include=""Microsoft.CodeAnalysis.CSharp"" Version=""4.8.0"" PrivateAssets=""all"" />
    <PackageReference Include=""YamlDotNet"" Version=""{OtherYamlDotNetVersion}"" GeneratePathProperty=""true"" PrivateAssets=""all"" />
    <None Include=""$(OutputPath)$(AssemblyName).dll"" Pack=""true"" PackagePath=""analyzers/dotnet/cs"" Visible=""false"" />
    <None Include=""$(PKGYamlDotNet)/lib/netstandard2.0/YamlDotNet.dll"" Pack=""true"" PackagePath=""analyzers/dotnet/cs"" Visible=""false"" />
  </ItemGroup>
</Project>
");
            File.WriteAllText(Path.Combine(dir, "OtherGenerator.cs"), @"using System.Collections.Generic;
using Microsoft.CodeAnalysis;

[Generator]
public sealed class OtherGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(ctx =>
        {
            var values = new YamlDotNet.Serialization.Deserializer().Deserialize<Dictionary<string, string>>(""answer: from-yamldotnet-13"");
            ctx.AddSource(""OtherGenerated.g.cs"", ""internal static class OtherGenerated { public const string Value = \"""" + values[""answer""] + ""\""; }"");
        });
    }
}
");
            Dotnet.MustRun($"pack -c Release -o \"{Feed}\"", dir);
        }
    }
}
