"""aiogram adapter: one router per user journey, keyboards, middlewares. Kept thin: the work is in services."""
