namespace Retention.Infra.Tests;

/// <summary>infra/main.bicep through the real Bicep CLI: it builds and lints with no error and no warning.</summary>
public sealed class BicepTemplateTests
{
    [Fact]
    public async Task Main_template_builds_without_errors_or_warnings()
    {
        var compiled = await CompiledTemplate.GetAsync();

        Assert.True(compiled.Build.ExitCode == 0, compiled.Build.StandardError);
        Assert.Empty(compiled.Build.Diagnostics);
        Assert.Equal("subscriptionDeploymentTemplate.json#", ((string?)compiled.Template["$schema"])?.Split('/')[^1]);
    }

    [Fact]
    public async Task Main_template_lints_without_errors_or_warnings()
    {
        var lint = await BicepCli.RunAsync(Repository.Infra, "lint", "main.bicep");

        Assert.True(lint.ExitCode == 0, lint.StandardError);
        Assert.Empty(lint.Diagnostics);
    }

    [Fact]
    public async Task Linter_reports_a_flawed_template_with_the_same_configuration()
    {
        // Guards the two tests above: with infra/bicepconfig.json, a flaw does show up as a warning.
        var folder = Directory.CreateTempSubdirectory("retention-bicep-").FullName;
        File.Copy(Path.Combine(Repository.Infra, "bicepconfig.json"), Path.Combine(folder, "bicepconfig.json"));
        await File.WriteAllTextAsync(Path.Combine(folder, "flawed.bicep"), "param unused string\nvar neverRead = 'x'\noutput loginUrl string = 'https://login.microsoftonline.com/'\n");

        var lint = await BicepCli.RunAsync(folder, "lint", "flawed.bicep");

        Assert.Contains(lint.Diagnostics, d => d.Contains("no-unused-params", StringComparison.Ordinal));
        Assert.Contains(lint.Diagnostics, d => d.Contains("no-unused-vars", StringComparison.Ordinal));
        Assert.Contains(lint.Diagnostics, d => d.Contains("no-hardcoded-env-urls", StringComparison.Ordinal));
    }

    [Fact]
    public void Modules_are_local_files_not_registry_references()
    {
        var files = Directory.GetFiles(Repository.Infra, "*.bicep", SearchOption.AllDirectories);
        var registryReferences = files
            .SelectMany(f => File.ReadLines(f).Select(line => (File: Path.GetFileName(f), Line: line)))
            .Where(x => x.Line.Contains("'br/", StringComparison.Ordinal) || x.Line.Contains("'br:", StringComparison.Ordinal) || x.Line.Contains("'ts:", StringComparison.Ordinal))
            .ToList();

        Assert.True(files.Length > 1);
        Assert.Empty(registryReferences);
    }
}
