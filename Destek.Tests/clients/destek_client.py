# DestekAPIClient, copied unchanged from seed-000 ("Python Entegrasyonu"); only the usage example is left out.
import requests
from typing import Optional, Dict, Any

class DestekAPIClient:
    """Destek Sistemi API İstemcisi"""
    
    def __init__(self, base_url: str, api_key: str, api_secret: str):
        self.base_url = base_url.rstrip('/')
        self.headers = {
            'X-API-Key': api_key,
            'X-API-Secret': api_secret,
            'Content-Type': 'application/json'
        }
    
    def create_ticket(
        self,
        title: str,
        description: str,
        priority: str = 'medium',
        external_ref: Optional[str] = None,
        department_id: Optional[int] = None
    ) -> Dict[str, Any]:
        """Yeni talep oluştur"""
        payload = {
            'title': title,
            'description': description,
            'priority': priority
        }
        if external_ref:
            payload['external_ref'] = external_ref
        if department_id:
            payload['department_id'] = department_id
        
        response = requests.post(
            f'{self.base_url}/api/external/tickets',
            headers=self.headers,
            json=payload
        )
        response.raise_for_status()
        return response.json()
    
    def get_ticket(self, ticket_id: int) -> Dict[str, Any]:
        """Talep detayını getir"""
        response = requests.get(
            f'{self.base_url}/api/external/tickets/{ticket_id}',
            headers=self.headers
        )
        response.raise_for_status()
        return response.json()
    
    def get_ticket_by_ref(self, external_ref: str) -> Dict[str, Any]:
        """Harici referans ile talep getir"""
        response = requests.get(
            f'{self.base_url}/api/external/tickets/by-ref/{external_ref}',
            headers=self.headers
        )
        response.raise_for_status()
        return response.json()
    
    def list_tickets(
        self,
        status: Optional[str] = None,
        page: int = 1,
        per_page: int = 20
    ) -> Dict[str, Any]:
        """Talepleri listele"""
        params = {'page': page, 'per_page': per_page}
        if status:
            params['status'] = status
        
        response = requests.get(
            f'{self.base_url}/api/external/tickets',
            headers=self.headers,
            params=params
        )
        response.raise_for_status()
        return response.json()
    
    def add_comment(self, ticket_id: int, content: str) -> Dict[str, Any]:
        """Talebe yorum ekle"""
        response = requests.post(
            f'{self.base_url}/api/external/tickets/{ticket_id}/comments',
            headers=self.headers,
            json={'content': content}
        )
        response.raise_for_status()
        return response.json()
    
    def get_comments(self, ticket_id: int) -> list:
        """Talep yorumlarını getir"""
        response = requests.get(
            f'{self.base_url}/api/external/tickets/{ticket_id}/comments',
            headers=self.headers
        )
        response.raise_for_status()
        return response.json()
