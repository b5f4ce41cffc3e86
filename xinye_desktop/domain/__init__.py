"""Domain layer: plain Python rules of people's mediation. No Qt, no SQLAlchemy, no reportlab."""
