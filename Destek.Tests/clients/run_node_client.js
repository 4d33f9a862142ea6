// Drives seed-000's Node.js client (destek_client.js, unchanged) the way the seed's usage example
// does, plus the calls the example leaves out; prints every answer as one JSON object.
// argv: base_url api_key api_secret external_ref
const DestekAPIClient = require('./destek_client');

async function main() {
    const [baseUrl, apiKey, apiSecret, externalRef] = process.argv.slice(2);
    const client = new DestekAPIClient(baseUrl, apiKey, apiSecret);
    const out = {};
    const ticket = await client.createTicket(
        'Test Talebi',
        'Bu bir test talebidir.',
        { priority: 'high', external_ref: externalRef }
    );
    out.created = ticket;
    out.detail = await client.getTicket(ticket.id);
    out.by_ref = await client.getTicketByRef(externalRef);
    out.comment = await client.addComment(ticket.id, 'Ek bilgi eklendi.');
    out.comments = await client.getComments(ticket.id);
    out.list = await client.listTickets({ status: 'open', page: 1, per_page: 10 });
    try {
        await client.getTicket(2000000000);
        out.missing = null;
    } catch (error) {
        out.missing = { status: error.response?.status, body: error.response?.data };
    }
    console.log(JSON.stringify(out));
}

main().catch((error) => {
    console.error('Hata:', error.response?.data || error.message);
    process.exit(1);
});
