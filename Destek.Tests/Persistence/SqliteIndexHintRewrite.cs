using Destek.Core.Data;

namespace Destek.Tests.Persistence;

public sealed class SqliteIndexHintRewrite
{
    [Fact]
    public void PutsTheTaggedIndexOnTheTicketsTable()
    {
        var sql = "-- walk-index:IX_Tickets_SlaOpen\n\nSELECT \"t\".\"Id\" FROM \"Tickets\" AS \"t\" WHERE \"t\".\"Status\" IN (0, 1)";
        Assert.Equal("-- walk-index:IX_Tickets_SlaOpen\n\nSELECT \"t\".\"Id\" FROM \"Tickets\" AS \"t\" INDEXED BY \"IX_Tickets_SlaOpen\" WHERE \"t\".\"Status\" IN (0, 1)",
            SqliteIndexHints.Rewrite(sql));
    }

    [Theory]
    [InlineData("SELECT \"t\".\"Id\" FROM \"Tickets\" AS \"t\"")]
    [InlineData("-- another tag\n\nSELECT \"t\".\"Id\" FROM \"Tickets\" AS \"t\"")]
    [InlineData("-- walk-index:IX\"; DROP TABLE x\n\nSELECT \"t\".\"Id\" FROM \"Tickets\" AS \"t\"")]
    public void LeavesOtherStatementsAlone(string sql) => Assert.Equal(sql, SqliteIndexHints.Rewrite(sql));
}
