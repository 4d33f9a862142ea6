using Destek.App;
using Destek.App.Cli;
using Destek.App.ExternalApi;
using Destek.App.SupportForm;
using Destek.Core;
using Destek.Core.Mail;

var isCli = AdminCli.IsCommand(args);
var builder = WebApplication.CreateBuilder(isCli ? [] : args);
if (isCli)
{
    AdminCli.ConfigureLogging(builder);
}

builder.AddDestekCore();
builder.AddDestekMail();
builder.AddDestekIdentity();
builder.AddDestekWeb();
builder.AddSupportForm();
builder.AddExternalApi();

var app = builder.Build();
await app.InitializeDatabaseAsync();

if (isCli)
{
    return await AdminCli.RunAsync(app.Services, args, Console.Out, Console.Error);
}

app.UseDestekPipeline();
app.MapDestekApp();
app.MapSupportForm();
app.MapExternalApi();
await app.RunAsync();
return 0;

/// <summary>Visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
