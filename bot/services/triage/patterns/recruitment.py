"""Signs of illegal recruitment: brokers, no papers, fees, promises of pay, offers and social media."""

from __future__ import annotations

from bot.services.triage.lexicon import rx

RECRUITMENT = rx(
    r"\b(?:calo|sponsor|tekong|perekrut|recruiters?|(?:di|me)?rekrut|direkrut|recruit(?:ed|ing|s)?|agen|ejen|ajente|"
    r"agents?|agency|brokers?|rekruta|"
    r"tanpa\s+(?:dokumen|paspor|pasport|passport|visa|izin|ijin|surat|kontrak|perjanjian|permit)|"
    r"(?:tidak|tdk|sonde|son|tak|ga|gak|tiada)\s+(?:ada|punya|pake|pakai|bawa)?\s*"
    r"(?:dokumen|paspor|pasport|passport|visa|surat|kontrak|lesen|permit)|"
    r"(?:no|without)\s+(?:a\s+|any\s+)?(?:passport|papers|documents|visa|permit|contract)|"
    r"la\s+(?:ho|iha|presiza)\s+(?:dokumentu|pasaporte|vistu)|"
    r"undocumented|jalur\s+tikus|jalan\s+tikus|ilegal|illegal|haram|non[- ]?prosedural|tidak\s+(?:resmi|prosedural)|"
    # ms: PATI (pendatang asing tanpa izin), "takde permit", "masuk ikut jalan tikus"
    r"pati|pendatang\s+(?:asing\s+)?tanpa\s+izin|(?:takde|tkde|xde|xda|tak\s+ada|tiada)\s+(?:[\w']+\s+)?(?:permit|"
    r"pasport|paspor|dokumen|visa|lesen)|"
    r"unofficial|visa\s+(?:turis|wisata|kunjungan|pelancong|melancong|umroh|umrah|ziarah)|vistu\s+turista|"
    r"(?:tourist|visit|visitor)\s+visas?|pas\s+lawatan|paspor\s+palsu|"
    r"(?:biaya|uang|bayar)\s+(?:pendaftaran|administrasi|daftar|muka|proses)|registration\s+fee|"
    r"(?:semua|seluruh)\s+biaya\s+(?:ditanggung|gratis)|biaya\s+(?:ditanggung|gratis)|gratis\s+(?:semua|tiket|biaya)|"
    r"(?:we|they)\s+pay\s+(?:for\s+)?(?:all|everything)|all\s+costs\s+(?:paid|covered)|free\s+(?:tickets?|flights?)|"
    r"tiket\s+percuma|bilete\s+gr[aá]tis|"
    r"bayar\s+\d+\s*(?:juta|jt)|(?:charges?|pay)\s+\d+\s*(?:million|juta)|bayaran\s+rm|husu\s+osan|"
    r"gaji\s+(?:besar|tinggi|\d+\s*(?:juta|jt|ringgit|rm))|high\s+(?:salary|pay|wages)|sal[aá]riu\s+aas|"
    r"(?:kasi|kase|serahkan|kumpul(?:kan)?|kutip|mengutip|kirim|minta|halibur|collect(?:ing|s|ed)?)\s+(?:[\w']+\s+)?"
    r"(?:ktp|ic|mykad|id\s+cards?|kad\s+pengenalan|kartaun)|kumpul\s+pekerja|"
    r"(?:alasan|katanya|bilang|ngaku|pamit|izin|alasannya)\s+(?:[\w']+\s+){0,3}(?:pesta|nikah|kawin|kawinan|"
    r"acara\s+keluarga|kunjungi\s+keluarga|jenguk|liburan)|(?:going\s+to\s+a\s+wedding|visiting\s+family)|"
    r"(?:tawari?|tawar|tawarkan|ditawari|ditawarkan|menawarkan|dijanjikan|janji(?:kan)?|janjikan|ajak|diajak)\s+"
    r"(?:[\w']+\s+){0,2}(?:kerja|pekerjaan|gaji)|tawaran\s+kerja|lowongan|loker|job\s+offers?|"
    r"offer(?:s|ed|ing)?\s+(?:[\w']+\s+){0,2}(?:jobs?|work)|promised\s+(?:her\s+|him\s+|them\s+)?a\s+job|"
    r"(?:oferese|promete|oferta)\s+servisu|"
    r"facebook|fb|tiktok|medsos|media\s+sosial|(?:kebun|perkebunan|kelapa|ladang)\s+sawit|sawit|mina-nu'u|"
    r"tkw|tki|pmi\s+ilegal)\b"
)
