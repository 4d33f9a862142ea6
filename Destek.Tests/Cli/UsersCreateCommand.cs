using System.Text.Json;
using Destek.App.Cli;
using Destek.Core.Identity;
using Destek.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Destek.Tests.Cli;

[Trait("Category", "Integration")]
public sealed class UsersCreateCommand(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AdminCli.RunAsync(factory.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task CreatesAnAgentInTheGivenDepartmentsAndPrintsJson()
    {
        var departments = await factory.WithDbAsync(db => db.Departments.OrderBy(d => d.Id).Select(d => d.Id).Take(2).ToListAsync());
        var email = $"yeni.{Guid.NewGuid():N}@destek.local";
        var (code, output, error) = await RunAsync("users", "create", "--email", email, "--role", "Agent", "--password", "Guclu.Sifre.1",
            "--departments", string.Join(',', departments), "--name", "Yeni Temsilci");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(email, json.RootElement.GetProperty("email").GetString());
        Assert.Equal("Agent", json.RootElement.GetProperty("role").GetString());
        var id = json.RootElement.GetProperty("id").GetInt32();
        var saved = await factory.WithDbAsync(db => db.Users.Include(u => u.Departments).SingleAsync(u => u.Id == id));
        Assert.Equal(departments, saved.Departments.Select(d => d.DepartmentId).Order());
        Assert.True(await factory.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Agent))));
    }

    [Theory]
    [InlineData("--role", "Kral", "Bilinmeyen rol")]
    [InlineData("--departments", "9999", "Departman bulunamadı")]
    [InlineData("--password", "kisa", "Şifre en az 8 karakter")]
    public async Task RefusesBadInputWithAMessage(string option, string value, string expected)
    {
        var args = new Dictionary<string, string> { ["--email"] = $"x{Guid.NewGuid():N}@destek.local", ["--role"] = "Agent", ["--password"] = "Guclu.Sifre.1" };
        args[option] = value;
        var (code, output, error) = await RunAsync(["users", "create", .. args.SelectMany(a => new[] { a.Key, a.Value })]);
        Assert.NotEqual(0, code);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingOptionIsAUsageError()
    {
        var (code, _, error) = await RunAsync("users", "create", "--email", "a@b.c");
        Assert.Equal(2, code);
        Assert.Contains("--role zorunlu", error, StringComparison.Ordinal);
    }
}
