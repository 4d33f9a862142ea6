namespace Destek.Core.Idempotency;

/// <summary>
/// The first response to a write that carried an Idempotency-Key (the API guidelines), kept per caller and key
/// for 24 hours. StatusCode is null while the first request is still running.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
    }

    public IdempotencyRecord(string scope, string key, string method, string path, string bodyHash, DateTime now)
    {
        Scope = scope;
        Key = key;
        Method = method;
        Path = path;
        BodyHash = bodyHash;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string Scope { get; private set; } = "";
    public string Key { get; private set; } = "";
    public string Method { get; private set; } = "";
    public string Path { get; private set; } = "";
    public string BodyHash { get; private set; } = "";
    public int? StatusCode { get; private set; }
    public string? ContentType { get; private set; }
    public byte[]? ResponseBody { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }

    public bool Matches(string method, string path, string bodyHash) => Method == method && Path == path && BodyHash == bodyHash;

    public void Complete(int statusCode, string? contentType, byte[] body, DateTime now)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        ResponseBody = body;
        CompletedAt = now;
    }
}
