"""shopbot as a service: an HTTP API (`http.py`, FastAPI), an MCP server (`mcp.py`), API keys and
limits (`auth.py`), shop tools as webhooks (`webhooks.py`). Nothing here is imported by the
assistant: the service wraps a `ShopAssistant`, it does not change it."""
