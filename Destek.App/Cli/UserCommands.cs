using Destek.Core.Identity;

namespace Destek.App.Cli;

public static class UserCommands
{
    public static async Task<object> CreateAsync(IServiceProvider services, CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var users = services.GetRequiredService<UserAdmin>();
        var created = await users.CreateAsync(args.Required("email"), args.Required("role"), args.Required("password"),
            args.Optional("name"), args.IntList("departments"));
        return new { id = created.Id, email = created.Email, full_name = created.FullName, role = created.Role, departments = created.Departments };
    }
}
