"""Help numbers (sources: content/kb/*/help.emergency.md). One place, so every screen shows the same numbers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Helplines:
    police: str = "110"
    sapa: str = "129"
    sapa_whatsapp: str = "08111-129-129"
    sapa_whatsapp_url: str = "https://wa.me/628111129129"
    kp2mi: str = "0-800-1000"


HELPLINES = Helplines()
