"""shopbot: a local-first customer-service assistant for online shops.

    from chatbot import ShopAssistant
    bot = ShopAssistant(home="~/.shopbot")
    reply = bot.ask("Is the Storm Runner waterproof?", session_id="s1", user_id="u1")
    print(reply.answer, [c.product_id for c in reply.citations])
"""
from chatbot.config import Settings
from chatbot.errors import BackendError, ConfigError, ModelError, NotFound, ShopbotError, ValidationError
from chatbot.types import Citation, Event, Hit, Product, Recommendation, Reply, Review

__all__ = [
    "ShopAssistant", "Settings", "Reply", "Citation", "Recommendation", "Event", "Hit", "Product", "Review",
    "ShopbotError", "ValidationError", "ConfigError", "ModelError", "BackendError", "NotFound",
]
__version__ = "0.1.0"


def __getattr__(name):  # keep `import chatbot` light; the assistant pulls in more
    if name == "ShopAssistant":
        from chatbot.assistant import ShopAssistant

        return ShopAssistant
    raise AttributeError(name)
