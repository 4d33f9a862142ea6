using Destek.App;
using Destek.App.Cli;
using Destek.App.CustomerApi;
using Destek.App.Desk.Presence;
using Destek.App.EInvoiceApi;
using Destek.App.ExternalApi;
using Destek.App.InvoicePlatform;
using Destek.App.Platform;
using Destek.App.Portal;
using Destek.App.SupportForm;
using Destek.Core;
using Destek.Core.Mail;

// A command line is understood (and a usage error refused) before the host exists, so a typo neither
// starts the web server nor creates a database.
var cli = AdminCli.Recognize(args);
if (cli?.UsageError is { } usage)
{
    return await AdminCli.WriteUsageErrorAsync(usage, Console.Error);
}

var builder = WebApplication.CreateBuilder(cli is null ? args : [.. cli.ConfigurationArgs]);
if (cli is not null)
{
    AdminCli.ConfigureLogging(builder);
}

builder.AddDestekCore();
builder.AddDestekMail();
builder.AddDestekIdentity();
builder.AddDestekWeb();
builder.AddSupportForm();
builder.AddExternalApi();
builder.AddCustomerApi();
builder.AddPortal();
builder.AddEInvoiceApi();
builder.AddInvoicePlatform();
builder.AddApiDocs();
builder.AddLiveDesk();

var app = builder.Build();
await app.InitializeDatabaseAsync();

if (cli is not null)
{
    return await AdminCli.RunAsync(app.Services, cli, Console.Out, Console.Error);
}

app.UseDestekPipeline();
app.MapDestekApp();
app.MapSupportForm();
app.MapExternalApi();
app.MapCustomerApi();
app.MapPortal();
app.MapEInvoiceApi();
app.MapInvoicePlatform();
app.MapApiDocs();
await app.RunAsync();
return 0;

/// <summary>Visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
