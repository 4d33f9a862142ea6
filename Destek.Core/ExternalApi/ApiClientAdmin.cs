using Destek.Core.Access;
using Destek.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Destek.Core.ExternalApi;

public sealed record CreatedApiClient(int Id, string Name, string ApiKey, string ApiSecret);

public sealed record ApiClientSummary(
    int Id, string Name, string ApiKey, IReadOnlyList<int> AllowedDepartmentIds, int RateLimitPerMinute, bool IsActive,
    DateTime CreatedAt, DateTime? SecretRotatedAt, DateTime? LastUsedAt, int WebhookCount);

/// <summary>
/// Admin operations on API clients, for the settings screens and the CLI. The secret is returned
/// only by <see cref="CreateAsync"/> and <see cref="RotateSecretAsync"/>; every change drops the
/// authenticator's cached entry so it takes effect with the next request.
/// </summary>
public sealed class ApiClientAdmin(IDbContextFactory<DestekDbContext> dbFactory, ApiClientAuthenticator authenticator, TimeProvider clock)
{
    public async Task<CreatedApiClient> CreateAsync(string name, IReadOnlyCollection<int> allowedDepartmentIds, int rateLimitPerMinute = ApiClient.DefaultRateLimitPerMinute, bool isActive = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(allowedDepartmentIds);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await CheckDepartmentsAsync(db, allowedDepartmentIds, cancellationToken);
        var (client, secret) = ApiClient.Create(name, allowedDepartmentIds, rateLimitPerMinute, isActive, clock.GetUtcNow().UtcDateTime);
        db.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        authenticator.Invalidate(client.ApiKey);
        return new CreatedApiClient(client.Id, client.Name, client.ApiKey, secret);
    }

    public async Task UpdateAsync(int id, string name, IReadOnlyCollection<int> allowedDepartmentIds, int rateLimitPerMinute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(allowedDepartmentIds);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await CheckDepartmentsAsync(db, allowedDepartmentIds, cancellationToken);
        var client = await FindAsync(db, id, cancellationToken);
        client.Update(name, allowedDepartmentIds, rateLimitPerMinute);
        await SaveAsync(db, client, cancellationToken);
    }

    /// <summary>A new secret; the old one is refused from the next request on.</summary>
    public async Task<CreatedApiClient> RotateSecretAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = await FindAsync(db, id, cancellationToken);
        var secret = client.RotateSecret(clock.GetUtcNow().UtcDateTime);
        await SaveAsync(db, client, cancellationToken);
        return new CreatedApiClient(client.Id, client.Name, client.ApiKey, secret);
    }

    public async Task SetActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = await FindAsync(db, id, cancellationToken);
        if (active)
        {
            client.Activate();
        }
        else
        {
            client.Deactivate();
        }

        await SaveAsync(db, client, cancellationToken);
    }

    public async Task<int> IdOfKeyAsync(string apiKey, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ApiClient>().Where(c => c.ApiKey == apiKey).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ExternalApiAdminException($"API client bulunamadı: {apiKey}");
    }

    public async Task<IReadOnlyList<ApiClientSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clients = await db.Set<ApiClient>().AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var webhooks = await db.Set<Webhooks.WebhookSubscription>().Where(w => w.ApiClientId != null).GroupBy(w => w.ApiClientId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return clients.Select(c => new ApiClientSummary(c.Id, c.Name, c.ApiKey, c.AllowedDepartmentIds, c.RateLimitPerMinute, c.IsActive,
            c.CreatedAt, c.SecretRotatedAt, c.LastUsedAt, webhooks.GetValueOrDefault(c.Id))).ToList();
    }

    public async Task<ApiClientSummary?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(c => c.Id == id);

    private static async Task CheckDepartmentsAsync(DestekDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var known = await db.Departments.Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);
        var missing = ids.Except(known).ToList();
        if (missing.Count > 0)
        {
            throw new ExternalApiAdminException($"Departman bulunamadı: {string.Join(", ", missing)}.");
        }
    }

    private static async Task<ApiClient> FindAsync(DestekDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Set<ApiClient>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
        ?? throw new ExternalApiAdminException($"API client bulunamadı: {id}");

    private async Task SaveAsync(DestekDbContext db, ApiClient client, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        authenticator.Invalidate(client.ApiKey);
    }
}
