using System.Data.Common;
using System.Globalization;
using Destek.Core.Data;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Destek.Core.Search;

/// <summary>The tickets that match, best first (bounded, see <see cref="SearchOptions.CandidateLimit"/>).</summary>
public sealed record SearchCandidates(SearchTerms Terms, IReadOnlyList<int> TicketIds, bool Capped);

/// <summary>A ranked page of the queue, with an excerpt per row where the match is.</summary>
public sealed record SearchPage(Page<TicketRow> Page, bool Capped, IReadOnlyDictionary<int, string> Snippets);

/// <summary>
/// Full-text search over number, subject, description, messages (notes included: staff only),
/// requester name, e-mail and phone, through the provider's index (see <see cref="SearchSchemaSql"/>).
/// Ranked by bm25 (SQLite) or ts_rank (PostgreSQL), title words weighing more than the rest.
/// </summary>
public sealed class TicketSearch(IDbContextFactory<DestekDbContext> dbFactory, TicketQueries queries, IOptions<SearchOptions> options)
{
    /// <summary>The queue page for a search: the filters of the view, in order of relevance. Null when nothing searchable was typed.</summary>
    public async Task<SearchPage?> QueueAsync(StaffMember viewer, QueueFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var candidates = await CandidatesAsync(filter.Search, cancellationToken);
        if (candidates is null)
        {
            return null;
        }

        var page = await queries.QueueAsync(viewer, filter with { Search = null, RankedIds = candidates.TicketIds }, skip, take, cancellationToken);
        var snippets = await SnippetsAsync(candidates.Terms, page.Items.Select(r => r.Id).ToList(), cancellationToken);
        return new SearchPage(page, candidates.Capped, snippets);
    }

    public async Task<SearchCandidates?> CandidatesAsync(string? text, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var terms = SearchTerms.Parse(text, settings.IgnoreDiacritics);
        if (terms is null)
        {
            return null;
        }

        var limit = Math.Max(1, settings.CandidateLimit);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Whole words first: a word typed out in full that is common fills the candidates by itself, and then the
        // prefix query is not run. SQLite merges the full lists of every word a long prefix stands for before it can
        // return the newest ("sipariş"*: sipariş, siparişi, siparişler… 250 ms at 1,000,000 tickets, the word alone 1 ms).
        // The same on PostgreSQL, so that both answer alike.
        var whole = await RunAsync(db, terms, limit, false, cancellationToken);
        return whole.Capped ? whole : await RunAsync(db, terms, limit, true, cancellationToken);
    }

    private static async Task<SearchCandidates> RunAsync(DestekDbContext db, SearchTerms terms, int limit, bool lastWordAsPrefix, CancellationToken cancellationToken)
    {
        var postgreSql = db.Database.IsNpgsql();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = postgreSql ? PostgreSql(terms.IgnoreMarks) : Sqlite;
        if (postgreSql)
        {
            Add(command, "q", terms.TsQuery(lastWordAsPrefix));
        }
        else
        {
            Add(command, "tq", terms.Fts5(terms.IgnoreMarks ? "title_l other_l" : "title other", lastWordAsPrefix));
            Add(command, "mq", terms.Fts5(terms.IgnoreMarks ? "body_l" : "body", lastWordAsPrefix));
        }

        Add(command, "cap", limit);
        var ids = new List<int>();
        var capped = false;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
                capped |= Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) >= limit;
            }
        }

        return new SearchCandidates(terms, ids, capped);
    }

    /// <summary>Excerpts for the given tickets: the first of description, messages, requester fields and title that matches.</summary>
    public async Task<IReadOnlyDictionary<int, string>> SnippetsAsync(SearchTerms terms, IReadOnlyList<int> ticketIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (ticketIds.Count == 0)
        {
            return new Dictionary<int, string>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tickets = await db.Tickets.AsNoTracking().Where(t => ticketIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Number, t.Title, t.Description, t.RequesterName, t.RequesterEmail, t.RequesterPhone })
            .ToListAsync(cancellationToken);
        var messages = (await db.TicketMessages.AsNoTracking().Where(m => ticketIds.Contains(m.TicketId))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => new { m.TicketId, m.Body }).ToListAsync(cancellationToken))
            .ToLookup(m => m.TicketId, m => m.Body);
        var snippets = new Dictionary<int, string>();
        foreach (var t in tickets)
        {
            var snippet = SearchSnippet.Make(terms, [t.Description, .. messages[t.Id], t.RequesterName, t.RequesterEmail, t.RequesterPhone, t.Number, t.Title]);
            if (snippet is not null)
            {
                snippets[t.Id] = snippet;
            }
        }

        return snippets;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    // Each source yields its newest matches up to the limit (FTS5 walks its lists by rowid, so this
    // stops early), ranked among themselves; a message hit counts a little less than the ticket's own fields.
    private const string Sqlite = """
        WITH t AS (SELECT rowid AS id, bm25(TicketSearch, 4.0, 1.0, 4.0, 1.0) AS r FROM TicketSearch WHERE TicketSearch MATCH $tq ORDER BY rowid DESC LIMIT $cap),
        m AS (SELECT rowid AS mid, bm25(TicketMessageSearch, 1.0, 1.0) AS r FROM TicketMessageSearch WHERE TicketMessageSearch MATCH $mq ORDER BY rowid DESC LIMIT $cap),
        hits AS (SELECT id, r FROM t UNION ALL SELECT x.TicketId, m.r * 0.8 FROM m JOIN TicketMessages x ON x.Id = m.mid),
        sizes AS (SELECT max((SELECT count(*) FROM t), (SELECT count(*) FROM m)) AS n)
        SELECT id, min(r) AS rank, (SELECT n FROM sizes) FROM hits GROUP BY id ORDER BY rank, id DESC
        """;

    private static string PostgreSql(bool loose) => $"""
        WITH t AS (SELECT x."Id" AS id, -ts_rank({SearchSchemaSql.PostgreSqlTicketVector(loose, "x.")}, to_tsquery('simple', @q)) AS r
                   FROM (SELECT * FROM "Tickets" x WHERE {SearchSchemaSql.PostgreSqlTicketVector(loose, "x.")} @@ to_tsquery('simple', @q) ORDER BY x."Id" DESC LIMIT @cap) x),
        m AS (SELECT y."TicketId" AS id, -0.8 * ts_rank({SearchSchemaSql.PostgreSqlMessageVector(loose, "y.")}, to_tsquery('simple', @q)) AS r
                   FROM (SELECT * FROM "TicketMessages" y WHERE {SearchSchemaSql.PostgreSqlMessageVector(loose, "y.")} @@ to_tsquery('simple', @q) ORDER BY y."Id" DESC LIMIT @cap) y),
        sizes AS (SELECT greatest((SELECT count(*) FROM t), (SELECT count(*) FROM m)) AS n)
        SELECT id, min(r) AS rank, (SELECT n FROM sizes) FROM (SELECT id, r FROM t UNION ALL SELECT id, r FROM m) hits GROUP BY id ORDER BY rank, id DESC
        """;
}
