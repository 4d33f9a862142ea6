namespace Destek.Core.Search;

/// <summary>
/// The full-text index's raw SQL, per provider, called from the generated migrations (and again from a
/// combined one when branches are merged). Ticket fields and message bodies are indexed twice:
/// Turkish-folded ("exact") and folded without marks ("loose"), so the diacritics option is a choice
/// of columns at query time, not a rebuild.
/// SQLite: contentless FTS5 tables kept by triggers, so every write (EF, raw SQL, the bench's bulk
/// fill, a merge moving messages) updates the index in its own transaction. PostgreSQL: GIN indexes
/// over tsvector expressions ('simple' configuration over the folded text), kept by PostgreSQL itself.
/// </summary>
public static class SearchSchemaSql
{
    /// <summary>FTS5 tables (and the prefix of their shadow tables); not part of the EF model.</summary>
    public static readonly IReadOnlyList<string> SqliteTables = ["TicketSearch", "TicketMessageSearch"];

    public static string SqliteUp => SqliteTablesSql + SqliteTriggers + SqliteBackfill;

    public static string SqliteDown => SqliteDropTriggers + "DROP TABLE IF EXISTS TicketSearch;\nDROP TABLE IF EXISTS TicketMessageSearch;\n";

    public const string SqliteTablesSql = """
        CREATE VIRTUAL TABLE IF NOT EXISTS TicketSearch USING fts5(title, other, title_l, other_l, content='', prefix='2 3', tokenize='unicode61 remove_diacritics 0');
        CREATE VIRTUAL TABLE IF NOT EXISTS TicketMessageSearch USING fts5(body, body_l, content='', prefix='2 3', tokenize='unicode61 remove_diacritics 0');

        """;

    /// <summary>Triggers that keep the FTS5 tables in step with Tickets and TicketMessages.</summary>
    public static string SqliteTriggers =>
        $"""
        CREATE TRIGGER TicketSearch_ai AFTER INSERT ON Tickets BEGIN {TicketInsert("new")} END;
        CREATE TRIGGER TicketSearch_ad AFTER DELETE ON Tickets BEGIN {TicketDelete("old")} END;
        CREATE TRIGGER TicketSearch_au AFTER UPDATE OF Number, Title, RequesterName, RequesterEmail, RequesterPhone, Description ON Tickets BEGIN {TicketDelete("old")} {TicketInsert("new")} END;
        CREATE TRIGGER TicketMessageSearch_ai AFTER INSERT ON TicketMessages BEGIN {MessageInsert("new")} END;
        CREATE TRIGGER TicketMessageSearch_ad AFTER DELETE ON TicketMessages BEGIN {MessageDelete("old")} END;
        CREATE TRIGGER TicketMessageSearch_au AFTER UPDATE OF Body ON TicketMessages BEGIN {MessageDelete("old")} {MessageInsert("new")} END;

        """;

    public const string SqliteDropTriggers = """
        DROP TRIGGER IF EXISTS TicketSearch_ai;
        DROP TRIGGER IF EXISTS TicketSearch_ad;
        DROP TRIGGER IF EXISTS TicketSearch_au;
        DROP TRIGGER IF EXISTS TicketMessageSearch_ai;
        DROP TRIGGER IF EXISTS TicketMessageSearch_ad;
        DROP TRIGGER IF EXISTS TicketMessageSearch_au;

        """;

    /// <summary>Indexes every existing ticket and message (a migration on an existing database; a bulk fill).</summary>
    public static string SqliteBackfill =>
        $"""
        DELETE FROM TicketSearch;
        DELETE FROM TicketMessageSearch;
        INSERT INTO TicketSearch(rowid, title, other, title_l, other_l) SELECT {TicketValues("t")} FROM Tickets t;
        INSERT INTO TicketMessageSearch(rowid, body, body_l) SELECT {MessageValues("m")} FROM TicketMessages m;
        INSERT INTO TicketSearch(TicketSearch) VALUES ('optimize');
        INSERT INTO TicketMessageSearch(TicketMessageSearch) VALUES ('optimize');

        """;

    private static string TicketInsert(string row) =>
        $"INSERT INTO TicketSearch(rowid, title, other, title_l, other_l) VALUES ({TicketValues(row)});";

    // A contentless table forgets a row by being told its old values, which the trigger recomputes.
    private static string TicketDelete(string row) =>
        $"INSERT INTO TicketSearch(TicketSearch, rowid, title, other, title_l, other_l) VALUES ('delete', {TicketValues(row)});";

    private static string MessageInsert(string row) =>
        $"INSERT INTO TicketMessageSearch(rowid, body, body_l) VALUES ({MessageValues(row)});";

    private static string MessageDelete(string row) =>
        $"INSERT INTO TicketMessageSearch(TicketMessageSearch, rowid, body, body_l) VALUES ('delete', {MessageValues(row)});";

    private static string TicketValues(string r) =>
        $"{r}.Id, destek_fold({r}.Title, 0), destek_fold({SqliteOther(r)}, 0), destek_fold({r}.Title, 1), destek_fold({SqliteOther(r)}, 1)";

    private static string MessageValues(string r) => $"{r}.Id, destek_fold({r}.Body, 0), destek_fold({r}.Body, 1)";

    // The functions are C# (SqliteSearchFunctions): written out in SQL they made every INSERT's trigger expensive to compile.
    private static string SqliteOther(string r) =>
        $"({r}.Number || ' ' || {r}.RequesterName || ' ' || coalesce({r}.RequesterEmail, '') || ' ' || coalesce({r}.RequesterPhone, '') || ' ' || destek_phone({r}.RequesterPhone) || ' ' || {r}.Description)";

    // ---- PostgreSQL ----

    public static string PostgreSqlUp =>
        $"""
        CREATE OR REPLACE FUNCTION destek_fold(value text, loose boolean) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT CASE WHEN loose THEN translate(coalesce(value, ''), '{Quote(LooseFrom)}', '{Quote(LooseTo)}') ELSE translate(coalesce(value, ''), '{Quote(ExactFrom)}', '{Quote(ExactTo)}') END $$;
        CREATE OR REPLACE FUNCTION destek_phone(value text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT CASE WHEN length(d) = 12 AND left(d, 2) = '90' THEN substr(d, 3) WHEN length(d) = 11 AND left(d, 1) = '0' THEN substr(d, 2) ELSE d END
                  FROM (SELECT regexp_replace(coalesce(value, ''), '[^0-9]', '', 'g') AS d) digits $$;
        CREATE OR REPLACE FUNCTION destek_ticket_tsv(number text, title text, name text, email text, phone text, description text, loose boolean) RETURNS tsvector
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT setweight(to_tsvector('simple'::regconfig, destek_fold(title, loose)), 'A')
                  || to_tsvector('simple'::regconfig, destek_fold(coalesce(number, '') || ' ' || coalesce(name, '') || ' ' || coalesce(email, '') || ' '
                     || coalesce(phone, '') || ' ' || destek_phone(phone) || ' ' || coalesce(description, ''), loose)) $$;
        CREATE INDEX IF NOT EXISTS "IX_Tickets_Search" ON "Tickets" USING gin ({PostgreSqlTicketVector(false)});
        CREATE INDEX IF NOT EXISTS "IX_Tickets_SearchLoose" ON "Tickets" USING gin ({PostgreSqlTicketVector(true)});
        CREATE INDEX IF NOT EXISTS "IX_TicketMessages_Search" ON "TicketMessages" USING gin ({PostgreSqlMessageVector(false)});
        CREATE INDEX IF NOT EXISTS "IX_TicketMessages_SearchLoose" ON "TicketMessages" USING gin ({PostgreSqlMessageVector(true)});

        """;

    public const string PostgreSqlDown = """
        DROP INDEX IF EXISTS "IX_Tickets_Search";
        DROP INDEX IF EXISTS "IX_Tickets_SearchLoose";
        DROP INDEX IF EXISTS "IX_TicketMessages_Search";
        DROP INDEX IF EXISTS "IX_TicketMessages_SearchLoose";
        DROP FUNCTION IF EXISTS destek_ticket_tsv(text, text, text, text, text, text, boolean);
        DROP FUNCTION IF EXISTS destek_phone(text);
        DROP FUNCTION IF EXISTS destek_fold(text, boolean);

        """;

    /// <summary>The indexed expression; a query must write it exactly so (with the literal) to use the index.</summary>
    public static string PostgreSqlTicketVector(bool loose, string alias = "") =>
        $"destek_ticket_tsv({alias}\"Number\", {alias}\"Title\", {alias}\"RequesterName\", {alias}\"RequesterEmail\", {alias}\"RequesterPhone\", {alias}\"Description\", {(loose ? "true" : "false")})";

    public static string PostgreSqlMessageVector(bool loose, string alias = "") =>
        $"to_tsvector('simple'::regconfig, destek_fold({alias}\"Body\", {(loose ? "true" : "false")}))";

    // Punctuation inside addresses and numbers becomes a space, so "ornek" finds "ali@ornek.com.tr" as on SQLite.
    private const string Separators = "@._-/+:()";

    private static string ExactFrom => TurkishFold.Upper + Separators;

    private static string ExactTo => TurkishFold.Fold(TurkishFold.Upper, false) + new string(' ', Separators.Length);

    private static string LooseFrom => TurkishFold.Upper + TurkishFold.Marked + Separators;

    private static string LooseTo => TurkishFold.Fold(TurkishFold.Upper, true) + TurkishFold.Unmarked + new string(' ', Separators.Length);

    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
