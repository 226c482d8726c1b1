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
    /// Packs ErrorCatalog.Generator (with a version unique to this run, so no stale copy in the NuGet
    /// cache can stand in for it) and a tiny foreign analyzer package that bundles another
    /// YamlDotNet version, into a temporary feed.
    /// </summary>
    public sealed class PackageFixture : IDisposable
    {
        public const string OtherYamlDotNetVersion = "13.7.1";

        public PackageFixture()
        {
            Root = Path.Combine(Path.GetTempPath(), "errcat-package-" + Guid.NewGuid().ToString("N"));
            Feed = Path.Combine(Root, "feed");
            Directory.CreateDirectory(Feed);
            Version = "0.1.0-smoke." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
            string repo = Dotnet.RepositoryRoot();
            Dotnet.MustRun($"pack \"{Path.Combine(repo, "generator", "ErrorCatalog.Package", "ErrorCatalog.Package.csproj")}\" -c Release -p:Version={Version} -o \"{Feed}\"", repo);
            PackagePath = Path.Combine(Feed, $"ErrorCatalog.Generator.{Version}.nupkg");
            PackOtherAnalyzer();
        }

        public string Root { get; }

        public string Feed { get; }

        public string Version { get; }

        public string PackagePath { get; }

        /// <summary>A new empty folder with a nuget.config that adds the temporary feed.</summary>
        public string NewWorkFolder(string name)
        {
            string dir = Path.Combine(Root, name);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "nuget.config"), $@"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <packageSources>
    <add key=""errorcatalog-smoke"" value=""{Feed}"" />
  </packageSources>
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

        /// <summary>Another vendor's generator that uses YamlDotNet 13.7.1 and ships it beside itself.</summary>
        private void PackOtherAnalyzer()
        {
            string dir = NewWorkFolder("other-analyzer");
            File.WriteAllText(Path.Combine(dir, "Other.Analyzer.csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
    <PackageId>Other.Analyzer</PackageId>
    <Version>1.0.0</Version>
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
