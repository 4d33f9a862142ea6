namespace Destek.Core.Idempotency;

/// <summary>
/// An idempotency key a write stores in its own transaction, completed with its answer, instead of claiming it
/// first and completing it after (three transactions): a crash leaves neither the key nor the write.
/// </summary>
public sealed record IdempotencyClaim(string Scope, string Key, string Method, string Path, string BodyHash)
{
    public IdempotencyRecord Complete(KeptAnswer answer, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var record = new IdempotencyRecord(Scope, Key, Method, Path, BodyHash, now);
        record.Complete(answer.StatusCode, answer.ContentType, answer.Body, now);
        return record;
    }
}

/// <summary>An answer exactly as it is sent and kept for replays.</summary>
public sealed record KeptAnswer(int StatusCode, string ContentType, byte[] Body);
