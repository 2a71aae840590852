"""The task force's web desk: server-rendered pages (aiohttp, Jinja2 with autoescaping) over the same staff services
and role checks as the bot. No JavaScript, no asset from another site. ``bot.web.app.build_desk`` makes the
application; ``bot.app.build_desk_app`` composes it; docs/web.md describes the routes and the security design."""
