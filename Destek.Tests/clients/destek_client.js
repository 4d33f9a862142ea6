// DestekAPIClient, copied unchanged from seed-000 ("Node.js Entegrasyonu"); only the usage example is left out.
const axios = require('axios');

class DestekAPIClient {
    constructor(baseUrl, apiKey, apiSecret) {
        this.client = axios.create({
            baseURL: baseUrl,
            headers: {
                'X-API-Key': apiKey,
                'X-API-Secret': apiSecret,
                'Content-Type': 'application/json'
            }
        });
    }

    async createTicket(title, description, options = {}) {
        const payload = {
            title,
            description,
            priority: options.priority || 'medium',
            ...options
        };
        
        const response = await this.client.post('/api/external/tickets', payload);
        return response.data;
    }

    async getTicket(ticketId) {
        const response = await this.client.get(`/api/external/tickets/${ticketId}`);
        return response.data;
    }

    async getTicketByRef(externalRef) {
        const response = await this.client.get(`/api/external/tickets/by-ref/${externalRef}`);
        return response.data;
    }

    async listTickets(params = {}) {
        const response = await this.client.get('/api/external/tickets', { params });
        return response.data;
    }

    async addComment(ticketId, content) {
        const response = await this.client.post(
            `/api/external/tickets/${ticketId}/comments`,
            { content }
        );
        return response.data;
    }

    async getComments(ticketId) {
        const response = await this.client.get(`/api/external/tickets/${ticketId}/comments`);
        return response.data;
    }
}

module.exports = DestekAPIClient;
