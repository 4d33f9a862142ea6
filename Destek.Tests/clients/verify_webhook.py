# verify_webhook_signature, copied unchanged from seed-000 ("Webhook Güvenliği"); the driver below is ours.
import hmac
import hashlib

def verify_webhook_signature(payload_body: str, signature: str, secret: str) -> bool:
    """Webhook imzasını doğrula"""
    expected = hmac.new(
        secret.encode('utf-8'),
        payload_body.encode('utf-8'),
        hashlib.sha256
    ).hexdigest()
    
    return hmac.compare_digest(f"sha256={expected}", signature)


if __name__ == '__main__':
    import sys
    # argv: body file (raw bytes as received), signature header, secret
    with open(sys.argv[1], 'rb') as f:
        body = f.read().decode('utf-8')
    print('valid' if verify_webhook_signature(body, sys.argv[2], sys.argv[3]) else 'invalid')
