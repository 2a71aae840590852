"""The words the query reader knows, in Indonesian, Kupang Malay, Malay, English and Tetun: what stands before a
licence or phone number, what makes the words a person rather than a company, and what ends a company's name in a
question (bot/services/registry/query.py reads them)."""

from __future__ import annotations

# Words before a licence number, or inside one ("KEP.123/PPTK/2020"); also what a number right after them is.
LICENCE_CUES = frozenset(
    {
        "kep",
        "sk",
        "sip",
        "sip3mi",
        "sippmi",
        "siup",
        "p3mi",
        "pptkis",
        "izin",
        "ijin",
        "lisensi",
        "licence",
        "license",
        "lesen",
        "lisensa",
        "permit",
    }
)
# "no. 4/2022", "KEP 123 tahun 2021": words of a number that are not part of it.
NUMBER_WORDS = frozenset({"no", "nomor", "nomer", "number", "nr", "num", "numeru", "nmr", "nmor"})
YEAR_WORDS = frozenset({"tahun", "thn", "th", "year", "tinan"})
PHONE_CUES = frozenset(
    {
        "hp",
        "wa",
        "whatsapp",
        "telp",
        "tlp",
        "tel",
        "telepon",
        "telefon",
        "telpon",
        "phone",
        "mobile",
        "handphone",
        "kontak",
        "contact",
        "call",
        "sms",
        "hubungi",
    }
)
# A person, not a company: forms of address in Indonesian, Kupang Malay, Malay, English and Tetun, and the
# names given to people who recruit on their own.
PERSON_WORDS = frozenset(
    {
        "pak",
        "bapak",
        "bpk",
        "bp",
        "bapa",
        "ibu",
        "bu",
        "mama",
        "mamak",
        "mak",
        "om",
        "tante",
        "kak",
        "kakak",
        "kaka",
        "bang",
        "abang",
        "mas",
        "mbak",
        "mba",
        "adik",
        "ade",
        "adek",
        "sdr",
        "sdri",
        "saudara",
        "saudari",
        "tuan",
        "puan",
        "encik",
        "cik",
        "mr",
        "mrs",
        "miss",
        "madam",
        "senhor",
        "senhora",
        "sr",
        "sra",
        "maun",
        "tiu",
        "tia",
        "opa",
        "oma",
        "nona",
        "nyong",
        "calo",
        "sponsor",
        "pl",
        "perekrut",
        "rekruter",
        "recruiter",
        "broker",
        "makelar",
        "tekong",
        "joki",
    }
)
CONNECTORS = frozenset({"dan", "and", "atau", "or", "e", "ho", "dgn", "dengan", "with", "sama"})
# Words that end a company name in a question: function words, verbs and question words in the project's
# languages, money words. Kept broad: a name cut short still finds the company by its fuzzy match, while a
# question word glued to a name makes it miss.
STOP_WORDS = frozenset(
    {
        # Indonesian and Kupang Malay
        "yang", "yg", "di", "ke", "dari", "dr", "itu", "ini", "tsb", "tersebut", "minta", "meminta", "mintak",
        "suruh", "bilang", "kata", "katanya", "mau", "mo", "ingin", "akan", "sudah", "sdh", "udah", "su", "blm",
        "belum", "ada", "adakah", "apa", "apakah", "aman", "resmi", "legal", "ilegal", "asli", "palsu", "benar",
        "betul", "bener", "bisa", "boleh", "tidak", "tdk", "gak", "ga", "nggak", "ngga", "sonde", "son", "bukan",
        "kah", "ka", "ko", "kok", "ya", "dan", "atau", "dengan", "dgn", "untuk", "utk", "buat", "bagi", "kepada",
        "kpd", "oleh", "pada", "pd", "punya", "pung", "menawarkan", "tawarkan", "tawarin", "tawar", "nawarin",
        "rekrut", "merekrut", "kirim", "mengirim", "kirimkan", "berangkat", "berangkatkan", "memberangkatkan",
        "janji", "janjikan", "menjanjikan", "biaya", "bayar", "membayar", "uang", "gaji", "kerja", "bekerja",
        "lowongan", "loker", "cari", "mencari", "butuh", "membutuhkan", "perlu", "terdaftar", "daftar", "izin",
        "ijin", "dia", "mereka", "kami", "kita", "saya", "aku", "sy", "beta", "dong", "lu", "kamu", "anda", "mu",
        "ju", "juga", "lagi", "lg", "tu", "nih", "sih", "deh", "koq", "atas", "nama", "namanya", "bernama",
        "sebagai", "seperti", "kayak", "kantor", "cabang", "alamat", "dimana", "dmn", "mana", "kapan", "siapa",
        "berapa", "brp", "kenapa", "knp", "gimana", "bagaimana", "tolong", "mohon", "cek", "check", "periksa",
        "juta", "jt", "ribu", "rb", "rp", "rupiah", "ringgit", "rm", "sampai", "sudahkah", "masih", "nya",
        "tapi", "tetapi", "jadi", "terus", "trus", "lalu", "kalau", "kalo", "klo", "kl", "jika", "karena", "krn",
        "soal", "tentang", "ttg", "via", "lewat", "melalui", "pakai", "pake", "datang", "dtg", "ajak", "mengajak",
        "bawa", "membawa", "janjiin", "kase", "beri", "memberi", "perusahaan", "pt", "cv", "orang",
        "org", "people", "person", "persons", "ema",
        # Malay
        "syarikat", "ejen", "agensi", "tak", "bayaran", "ialah", "adalah",
        # English
        "is", "are", "was", "were", "be", "asks", "asked", "asking", "ask", "wants", "want", "wanted", "offered",
        "offers", "offer", "offering", "says", "said", "say", "the", "a", "an", "and", "or", "for", "to", "in",
        "at", "from", "of", "with", "licensed", "legit", "safe", "real", "fake", "agency", "company", "recruiter",
        "me", "my", "i", "you", "your", "they", "he", "she", "it", "that", "this", "charge", "charges", "charged",
        "fee", "fees", "pay", "paid", "send", "sent", "hiring", "recruiting", "job", "work", "does", "do", "did",
        "has", "have", "had", "can", "could", "will", "would", "should", "registered", "official", "need",
        "needs", "promised", "promise", "which", "what", "who", "where", "when", "how", "please", "if", "but",
        "million", "thousand",
        # Tetun
        "mak", "iha", "ba", "husi", "ho", "nia", "sira", "ne'e", "ne", "nee", "hau", "ita", "ami", "o", "hakarak",
        "husu", "selu", "osan", "servisu", "los", "lae", "karik", "kompañia", "kompania", "emprezá", "empreza",
        "hatete", "dehan", "atu", "sei", "ona", "bele", "halo", "haruka", "fó", "fo", "simu", "ida",
    }
)  # fmt: skip

# When the text is meant as a name (the recruiter check's input), only words that cannot be part of one end it:
# real names are full of words that end a name in a question ("PT Lestari Amanah Kerja Gemilang").
NAME_STOP_WORDS = frozenset(
    {
        "yang", "yg", "apa", "apakah", "aman", "resmi", "legal", "ilegal", "asli", "palsu", "kah", "ka", "ko",
        "ya", "itu", "ini", "tsb", "tersebut", "di", "ke", "dari", "minta", "mau", "bilang", "ada", "adakah",
        "tidak", "tdk", "gak", "berizin", "terdaftar", "sah", "punya", "pung", "is", "are", "was", "the",
        "licensed", "legit", "safe", "real", "fake", "registered", "official", "mak", "ne", "karik", "lae", "los",
        "berlesen", "ialah", "adalah", "tak",
    }
)  # fmt: skip
