"""Word lists for the question matcher: chat spellings, function words and multilingual synonym groups.

Everything here is plain data so that a reviewer who speaks the language can correct it. Words are written
in lower case without accents or apostrophes (the matcher strips them: "ne'ebé" is "neebe", "rai-li'ur" is
"rai liur").
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Chat spellings, abbreviations and Kupang Malay words -> the standard Indonesian word(s). Applied to each word of
# a question before anything else, so the rest of the matcher only sees standard words.
# fmt: off
SLANG: dict[str, str] = {
    # pronouns (Indonesian chat, Kupang Malay, Malay)
    "sy": "saya", "sya": "saya", "aku": "saya", "ak": "saya", "gw": "saya", "gue": "saya", "gua": "saya",
    "beta": "saya", "b3ta": "saya", "km": "kamu", "kmu": "kamu", "lu": "kamu", "lo": "kamu", "loe": "kamu",
    "ko": "kamu", "kau": "kamu", "ngana": "kamu", "ale": "kamu", "awak": "kamu", "katong": "kita",
    "ketong": "kita", "botong": "kami", "bosong": "kalian", "basong": "kalian", "dong": "mereka",
    # negation and aspect
    "tdk": "tidak", "tak": "tidak", "gak": "tidak", "ga": "tidak", "gk": "tidak", "nggak": "tidak",
    "ngga": "tidak", "ngak": "tidak", "enggak": "tidak", "kagak": "tidak", "sonde": "tidak", "son": "tidak",
    "snd": "tidak", "sond": "tidak", "tra": "tidak", "trada": "tidak ada", "tida": "tidak",
    "tiada": "tidak ada", "blm": "belum", "belom": "belum", "sdh": "sudah", "udah": "sudah", "udh": "sudah",
    "dah": "sudah", "su": "sudah", "uda": "sudah", "sdah": "sudah",
    # question words
    "brp": "berapa", "brapa": "berapa", "berapakah": "berapa", "gmn": "bagaimana", "gmna": "bagaimana",
    "gimana": "bagaimana", "gmana": "bagaimana", "bgmn": "bagaimana", "bagemana": "bagaimana",
    "bagimana": "bagaimana", "camne": "bagaimana", "camana": "bagaimana", "bagaimanakah": "bagaimana",
    "knp": "kenapa", "napa": "kenapa", "dmn": "di mana", "dimana": "di mana", "kmn": "ke mana",
    "kemana": "ke mana", "sapa": "siapa", "siapakah": "siapa",
    # verbs and everyday words
    "pi": "pergi", "pigi": "pergi", "pegi": "pergi", "mo": "mau", "mw": "mau", "nak": "mau", "hendak": "mau",
    "mahu": "mau", "pung": "punya", "pny": "punya", "pnya": "punya", "karja": "kerja", "krja": "kerja",
    "kerj": "kerja", "krj": "kerja", "bs": "bisa", "bsa": "bisa", "hrs": "harus", "msti": "mesti",
    "tau": "tahu", "tw": "tahu", "kasi": "kasih", "ksh": "kasih", "dpt": "dapat", "dapet": "dapat",
    "pake": "pakai", "dipake": "dipakai", "ngurus": "urus", "ngecek": "cek", "ngcek": "cek", "nyari": "cari",
    "nanya": "tanya", "ngerti": "mengerti", "bikin": "buat", "balek": "balik", "sampe": "sampai",
    "nyampe": "sampai",
    # small words
    "yg": "yang", "dgn": "dengan", "dg": "dengan", "deng": "dengan", "utk": "untuk", "untk": "untuk",
    "par": "untuk", "krn": "karena", "krna": "karena", "karna": "karena", "sebab": "karena", "tp": "tapi",
    "tpi": "tapi", "klo": "kalau", "kalo": "kalau", "kl": "kalau", "kalu": "kalau", "org": "orang",
    "dr": "dari", "dri": "dari", "d": "di", "k": "ke", "kat": "di", "sm": "sama", "ama": "sama",
    "aja": "saja", "aj": "saja", "ajah": "saja", "sa": "saja", "doang": "saja", "je": "saja",
    "sahaja": "saja", "ju": "juga", "jg": "juga", "jga": "juga", "cm": "cuma", "cuman": "cuma", "lg": "lagi",
    "lgi": "lagi", "skrg": "sekarang", "skrng": "sekarang", "sbnrnya": "sebenarnya",
    "sebenernya": "sebenarnya", "ato": "atau", "atw": "atau", "trus": "terus", "bgt": "banget", "jd": "jadi",
    "jdi": "jadi", "mangkali": "mungkin", "talalu": "terlalu", "tu": "itu", "ni": "ini", "nih": "ini",
    "tuh": "itu", "bhs": "bahasa", "thn": "tahun", "th": "tahun", "thun": "tahun", "bln": "bulan",
    "hr": "hari", "jt": "juta", "jta": "juta", "rb": "ribu", "rbu": "ribu", "tlp": "telepon",
    "telp": "telepon", "negri": "negeri", "ln": "luar negeri",
    # family and people (Kupang Malay)
    "ade": "adik", "adek": "adik", "ana": "anak", "laki": "suami", "paitua": "suami", "maitua": "istri",
    "bini": "istri", "ortu": "orang tua", "mamak": "mama",
    # Malaysian Malay: uncle and aunt (the "om" and "tanta" of Kupang); "takde", "xde": there is none
    "pakcik": "om", "makcik": "tanta", "takde": "tidak ada", "xde": "tidak ada", "xda": "tidak ada",
    # money (Kupang Malay and chat)
    "doi": "uang", "duit": "uang", "fulus": "uang", "wang": "uang",
    # common misspellings of domain words that fuzzy matching cannot reach (too short or too far)
    "psport": "paspor", "paspo": "paspor", "tkw2": "tkw", "jop": "job",
    # Kupang Malay says "taun", "liat" (the words exist, so nothing repairs them), "fisa" (f for v)
    "taun": "tahun", "liat": "lihat", "fisa": "visa", "ajente": "agen", "ajénte": "agen",
}
# fmt: on

# Function words that carry no topic in any of the four languages (checked before and after stemming).
STOPWORDS: frozenset[str] = _words(
    """
    saya kamu anda dia ia kami kita mereka kalian engkau beliau nya ku mu
    sister brother daughter son wife husband mother father cousin niece nephew aunt uncle friend neighbour
    ini itu yang di ke dari untuk dengan dan atau tetapi tapi serta pada dalam oleh sebagai seperti bagi
    apa apakah bagaimana berapa siapa kapan mana kenapa mengapa kah lah pun sih dong deh ya yah kok toh
    ada adalah akan sudah belum bisa boleh dapat harus mesti mau ingin perlu butuh juga saja lagi masih
    kalau jika bila karena sebab agar supaya biar tidak bukan jangan sangat banyak lebih paling sekali
    punya kasih bilang kata tanya tahu jadi buat cara caranya gimana sama baru terus lalu nanti sekarang dulu
    orang hal sesuatu semua setiap tiap para sang si pak bu bapak om tanta usi nona nyong kaka kakak adik
    bung mas mbak abang kak ibu2 bapak2 min admin halo hai tolongin mohon terima kasih makasih
    sebenarnya banget cuma hanya sudah telah sedang lagi pernah masih mungkin terlalu agak kira2
    ka ko to e eh oh ah wah nah ee termasuk
    macam mana nak hendak kena sahaja je tu ni pula lah kah tak
    the a an is are was were be been being am do does did i me my mine you your yours he she it its we us our
    they them their this that these those what which who whom whose how when where why can could would should
    shall will may might must of to in on at by for from with about as into than then so if or and but not no
    yes please have has had get got just also there here im ive dont doesnt cant isnt wont whats hi hello whether
    any some all very too much many more most want need know tell
    only still even already yet ever really actually maybe like wants wanted needs needed say says said told his
    her him hers himself herself myself yourself take takes took taken let lets also just gonna wanna
    hau ita o nia sira ami imi atu iha nee neebe saida oinsa se hira tanba maibe ka lae la mak deit ona bele ema sei
    tenke presiza hakarak ba husi ho hodi ida mos loos diak ne sa sae kona kona-ba ne'e katak hetan
    mean means meant
    """
)

# Synonym groups: every variant (word or phrase, in any of the four languages) is read as the group's first word,
# in articles and questions alike, so that a question in one language or register finds the articles in all the
# others. Keep a group to one meaning: a variant that means two things belongs to neither.
# fmt: off
SYNONYMS: tuple[tuple[str, ...], ...] = (
    # people and places
    ("pmi", "tki", "tkw", "tkwi", "pekerja migran", "pekerja migran indonesia", "buruh migran",
     "tenaga kerja indonesia", "tenaga kerja wanita", "migrant worker", "migrant workers", "pekerja asing",
     "foreign worker", "foreign workers", "traballador migrante", "traballadores migrante", "pmi resmi"),
    ("luarnegeri", "luar negeri", "keluar negeri", "kerja ke luar", "karja ke luar", "pi luar",
     "ke luar sana", "luar negara", "keluar negara", "abroad", "overseas",
     "rai liur", "rai seluk", "estranjeiru", "foreign country"),
    ("malaysia", "malaysi", "malasya", "malaisia", "malazia", "malasia", "mlaysia", "msia", "negeri jiran"),
    ("kamboja", "kemboja", "cambodia", "kambodja", "thailand", "thai", "tailandia", "myanmar", "burma",
     "birma", "mianmar"),
    ("kbri", "kjri", "kedutaan", "kedubes", "embassy", "consulate", "konsulat", "embaixada", "konsuladu",
     "perwakilan ri", "perwakilan indonesia", "kedutaan besar", "consulate general"),
    ("polisi", "police", "polis", "polisia", "polda", "polres", "polsek", "kepolisian"),
    ("kepaladesa", "kepala desa", "kades", "village head", "village chief", "ketua kampung", "kepala kampung",
     "penghulu", "xefe suku", "xefe aldeia", "lurah", "kepala dusun"),
    ("desa", "kampung", "village", "knua", "aldeia", "suku", "kelurahan", "dusun"),
    ("majikan", "employer", "employers", "boss", "bos", "patraun", "patrao", "xefe", "tuan rumah", "tauke", "taukeh",
     "towkay", "toke"),
    # The Middle East as one destination (its rules answer any question about going there: index.py)
    ("timurtengah", "timur tengah", "middle east", "arab", "arab saudi", "saudi", "saudi arabia", "arabia",
     "arabia saudita", "dubai", "abu dhabi", "uea", "uae", "uni emirat arab", "emirat arab", "united arab emirates",
     "emirates", "qatar", "katar", "doha", "kuwait", "oman", "bahrain", "yordania", "jordan", "riyadh", "jeddah",
     "jedah", "timur tengah arab", "mediu oriente"),
    ("orangtua", "orang tua", "parents", "parent", "ayah", "bapa", "mama", "papa", "father", "mother",
     "inan aman", "inan no aman", "wali", "guardian", "ibu bapa", "penjaga"),
    ("suami", "istri", "isteri", "husband", "wife", "spouse", "laen", "feen", "pasangan", "suami istri"),
    ("anak", "child", "children", "kid", "kids", "labarik", "oan"),
    ("bawahumur", "bawah umur", "di bawah umur", "underage", "under age", "under aged", "minor", "minors",
     "belum cukup umur", "tidak cukup umur", "menor", "under 18", "bawah 18", "di bawah 18"),
    # eligibility and documents
    ("umur", "usia", "age", "aged", "idade", "years old", "year old", "umor"),
    ("tahun", "year", "years", "tinan"),
    ("minimal", "minimum", "minimu", "minimo", "paling sedikit", "sekurang kurangnya", "at least"),
    ("syarat", "persyaratan", "requirement", "requirements", "require", "required", "rekizitu", "kriteria",
     "criteria", "eligible", "eligibility", "qualify", "qualification", "kelayakan"),
    ("dokumen", "document", "documents", "dokumentu", "berkas", "papers", "paperwork", "dokumen2", "docs", "doc"),
    ("paspor", "pasport", "passport", "passports", "pasaporte", "paspot", "pasfor", "paspr"),
    ("visa", "vistu", "visto", "visas"),
    ("ktp", "kartu tanda penduduk", "id card", "identity card", "ic", "mykad", "bilhete identidade",
     "kartaun identidade", "e ktp", "ektp"),
    ("kk", "kartu keluarga", "family card"),
    ("akte", "akta", "akta kelahiran", "akte kelahiran", "birth certificate", "sertidaun moris", "surat lahir"),
    ("ijazah", "diploma", "school certificate", "sijil sekolah"),
    ("skck", "police certificate", "surat keterangan catatan kepolisian", "good conduct certificate",
     "police clearance"),
    ("nikah", "menikah", "kawin", "perkawinan", "married", "marriage", "marital", "kaben", "buku nikah",
     "surat nikah", "status perkawinan", "marital status"),
    ("izin", "ijin", "permission", "consent", "kebenaran", "autorizasaun", "permisaun", "restu",
     "persetujuan", "surat izin", "approval"),
    # falling ill while working, and its bills (not the health check before leaving, "sehat" below)
    ("sakit", "jatuh sakit", "sick", "sickness", "ill", "illness", "hospital", "rumah sakit", "hospitál",
     "klinik", "clinic", "berubat", "rawat inap", "moras", "medical bill", "medical bills", "bil hospital"),
    ("sehat", "kesehatan", "health", "healthy", "medical", "medis", "saude", "kesihatan", "mcu",
     "medical check", "medical checkup", "cek kesehatan", "tes kesehatan", "pemeriksaan kesehatan",
     "psikologi", "psychological", "psikolojia"),
    ("imigrasi", "immigration", "imigresen", "imigrasaun", "kantor imigrasi"),
    ("sertifikat", "certificate", "certificates", "sertifikadu", "sijil", "sertipikat"),
    ("kompetensi", "keterampilan", "ketrampilan", "skill", "skills", "kemahiran", "competence", "competency",
     "kapasidade", "abilidade", "keahlian", "keahlian kerja"),
    # process
    ("langkah", "step", "steps", "pasu", "tahap", "tahapan", "prosedur", "procedure", "procedures", "alur",
     "alurnya", "prosesu"),
    ("resmi", "legal", "sah", "official", "ofisial", "lawful", "prosedural", "legit", "legitimate", "legalmente"),
    ("ilegal", "illegal", "illegally", "haram", "gelap", "non prosedural", "nonprosedural", "unprocedural",
     "tidak resmi", "unofficial", "undocumented", "tanpa dokumen", "pati", "pendatang haram", "ilegalmente"),
    ("ltsa", "layanan terpadu satu atap", "one stop service", "one stop", "pusat perkhidmatan sehenti",
     "sehenti", "one stop shop", "one stop centre", "one stop center"),
    ("disnaker", "dinas tenaga kerja", "dinas nakertrans", "nakertrans", "dinas ketenagakerjaan",
     "labour office", "labor office", "manpower office", "jabatan tenaga kerja"),
    ("bp2mi", "kp2mi", "bnp2tki", "kementerian p2mi", "badan pelindungan pekerja migran indonesia"),
    ("alamat", "address", "lokasi", "location", "enderesu", "letak"),
    ("latih", "pelatihan", "latihan", "training", "train", "trained", "kursus", "course", "courses",
     "treinamentu", "formasaun", "blk", "lpk", "balai latihan kerja", "training centre", "training center",
     "lembaga pelatihan"),
    ("opp", "orientasi pra pemberangkatan", "orientasi pra penempatan", "orientasi", "orientation",
     "pre departure", "predeparture", "pra pemberangkatan", "pembekalan", "pembekalan akhir pemberangkatan",
     "pap", "taklimat", "briefing", "orientasaun"),
    ("kontrak", "contract", "contracts", "kontratu", "kontrak kerja", "perjanjian kerja",
     "employment contract", "work contract", "kontratu servisu"),
    ("bpjs", "bpjs tk", "bpjs ketenagakerjaan", "bp jamsostek", "jamsostek", "jaminan sosial",
     "social security", "seguransa sosial", "insurance", "asuransi", "insurans", "seguru", "perkeso", "socso",
     "jkk", "jkm", "seguransa"),
    ("kecelakaan", "accident", "accidents", "kemalangan", "aksidente", "cedera", "injury", "injured"),
    ("berangkat", "keberangkatan", "pemberangkatan", "depart", "departure", "departs", "bertolak", "berlepas",
     "leaving", "sai", "fly", "terbang"),
    ("daftar", "register", "registration", "pendaftaran", "mendaftar", "rejista", "rejistu", "sign up",
     "signup", "enrol", "enroll"),
    # costs
    ("biaya", "cost", "costs", "kos", "kustu", "ongkos", "fee", "fees", "charge", "charges", "charged",
     "tarif", "price", "harga", "kos penempatan", "yuran", "caj", "folin"),
    # jobs, in the words of the four languages (the ten zero-cost jobs are named this way)
    ("prt", "pembantu rumah tangga", "pembantu", "asisten rumah tangga", "art", "pekerja rumah tangga",
     "domestic worker", "domestic workers", "domestic helper", "housekeeper", "maid", "maids", "amah",
     "pembantu rumah", "servisu uma", "servisu uma laran", "traballador uma laran", "empregada"),
    ("pengasuh", "caregiver", "caregivers", "carer", "carers", "perawat lansia", "jaga orang tua", "nanny",
     "babysitter", "baby sitter", "penjaga warga emas", "kuidador", "tau matan"),
    ("pabrik", "kilang", "factory", "factories", "fabrika", "manufaktur", "manufacturing"),
    ("perkebunan", "kebun", "ladang", "plantation", "plantations", "sawit", "kelapa sawit", "palm oil", "toos",
     "kebun sawit", "ladang sawit"),
    ("pemerintah", "government", "governu", "kerajaan"),
    # "who bears the cost" is how people ask "who pays"
    ("bayar", "pay", "paid", "paying", "payment", "payments", "selu", "setor", "bayaran", "membayar",
     "tanggung", "ditanggung", "menanggung", "cover", "covered", "covers", "borne", "tanggungan"),
    ("kirim", "mengirim", "dikirim", "send", "sends", "sent", "sending", "hantar", "menghantar", "haruka",
     "salurkan", "menyalurkan"),
    ("uang", "money", "osan", "dana", "cash", "rupiah", "ringgit"),
    ("gratis", "free", "percuma", "tanpa biaya", "zero cost", "bebas biaya", "nol rupiah", "free of charge",
     "gratuitu", "tidak dipungut biaya", "zero"),
    ("utang", "hutang", "debt", "debts", "tusan", "pinjaman", "loan", "ijon", "debt bondage", "jeratan utang",
     "emprestimu", "empresta", "loans", "borrow", "borrowed", "berhutang"),
    ("potong", "dipotong", "potongan", "cut", "cuts", "deduct", "deducted", "deduction", "deductions", "kotu"),
    ("gaji", "upah", "salary", "salaries", "wage", "wages", "salariu", "saláriu", "gajih", "payslip"),
    ("tiket", "ticket", "tickets", "bilhete", "tiket pesawat", "plane ticket", "air ticket"),
    # recruiters
    ("calo", "broker", "brokers", "makelar", "sponsor", "sponsors", "petugas lapangan", "pl", "perorangan",
     "individu", "individual", "tekong", "ejen individu", "orang perseorangan", "perseorangan", "middleman",
     "tukang rekrut"),
    ("agen", "agent", "agents", "agency", "agencies", "ejen", "agensi", "ajensia", "penyalur", "agen penyalur"),
    ("perusahaan", "pt", "company", "companies", "syarikat", "kompania", "firm", "firma"),
    ("p3mi", "pptkis", "pjtki", "perusahaan penempatan pekerja migran indonesia", "perusahaan penempatan",
     "recruitment agency", "recruitment company", "placement company", "syarikat pengambilan pekerja",
     "agensi pekerjaan"),
    ("sip3mi", "surat izin perusahaan penempatan pekerja migran indonesia", "siup"),
    ("lisensi", "license", "licence", "licensed", "licenced", "lisensa", "berlesen", "lesen", "izin usaha",
     "terdaftar", "registered", "berdaftar", "rejistadu"),
    ("rekrut", "merekrut", "perekrutan", "recruit", "recruiter", "recruiters", "recruitment", "recruiting",
     "rekrutamentu", "rekrutador", "pengambilan pekerja", "perekrut"),
    ("cek", "check", "checking", "periksa", "semak", "verify", "verifikasi", "verification", "confirm",
     "konfirma", "cek2", "chek", "pastikan", "verifika"),
    ("joborder", "job order", "job orders", "jo", "demand letter", "permintaan tenaga kerja", "sip",
     "surat izin perekrutan", "recruitment permit"),
    ("lowongan", "loker", "vacancy", "vacancies", "job offer", "job offers", "tawaran kerja", "tawaran",
     "offer", "offers", "offered", "oferese", "oferta", "jawatan kosong", "info kerja", "iklan kerja",
     "job ad", "job post", "tawarkan", "menawarkan", "tawarin"),
    ("palsu", "fake", "bosok", "penipuan", "tipu", "menipu", "scam", "scams", "bohong", "falsu", "lohi", "hoax",
     "fraud", "penipu", "scammer", "dipalsukan", "memalsukan", "forged", "forge", "forgery"),
    ("medsos", "facebook", "fb", "media sosial", "social media", "instagram", "ig", "tiktok"),
    # visas and Malaysia
    ("turis", "tourist", "tourism", "wisata", "pelancong", "melancong", "turista", "turismu", "pas lawatan",
     "lawatan sosial", "social visit", "social visit pass", "visit visa", "visa kunjungan", "vizita",
     "visa wisata", "visa turis", "visa pelancong", "liburan", "visit pass", "visitor visa"),
    ("umroh", "umrah", "ziarah", "pilgrimage", "pilgrim", "visa umroh", "visa haji"),
    ("plks", "pas lawatan kerja sementara", "work pass", "work permit", "permit kerja", "visa kerja",
     "work visa", "visa servisu", "permit", "vdr", "visa dengan rujukan", "calling visa", "permisaun servisu",
     "izin kerja malaysia", "vp te"),
    ("jalurtikus", "jalur tikus", "jalan tikus", "lorong tikus", "laluan tikus", "jalur belakang",
     "jalan belakang", "pintu belakang", "back door", "backdoor", "rat route", "rat path", "jalur gelap",
     "smuggling route", "jalan hutan", "lewat hutan", "through the jungle", "dalan ilegal", "dalan ilegál",
     "jalur ilegal", "jalan ilegal", "illegal route", "laluan haram"),
    ("selundup", "diselundupkan", "penyelundupan", "smuggle", "smuggled", "smuggling", "seludup", "diseludup"),
    ("masuk", "enter", "entering", "entry", "tama", "memasuki", "entered"),
    ("tangkap", "ditangkap", "ketangkap", "tertangkap", "caught", "arrest", "arrested", "kaptura",
     "dikaptura", "razia", "raid", "raids", "detained", "detention", "tahanan imigresen", "depot imigresen"),
    ("deportasi", "dideportasi", "deport", "deported", "deportation", "deportadu", "dihantar pulang",
     "diusir", "expelled"),
    # rights
    ("tahan", "ditahan", "menahan", "sita", "disita", "menyita", "confiscate", "confiscated", "hold", "holds",
     "held", "holding", "withhold", "withheld", "withholding", "kaer", "simpan", "disimpan", "menyimpan",
     "keep", "keeps", "kept", "pegang", "dipegang", "retain", "retained"),
    ("jam", "hour", "hours", "oras", "jam kerja", "working hours", "oras servisu", "waktu kerja"),
    ("libur", "cuti", "hari libur", "day off", "days off", "rest day", "rest days", "leave days", "deskansa",
     "loron deskansa", "istirahat", "rehat", "annual leave", "paid leave", "holiday pay"),
    ("pindah", "tukar", "change", "changing", "switch", "ganti", "pindah majikan", "tukar majikan",
     "transfer employer"),
    ("kurung", "dikurung", "dikunci", "kunci", "locked", "lock", "sekap", "disekap", "taka", "confined",
     "confinement", "trapped", "terkurung"),
    ("pukul", "dipukul", "hit", "beat", "beaten", "beating", "siksa", "disiksa", "aniaya", "dianiaya",
     "kekerasan", "violence", "violent", "abuse", "abused", "torture", "tortured", "tampar", "ditampar",
     "slap", "slapped", "tendang", "kick", "kicked", "violensia", "perkosa", "diperkosa", "rape", "raped",
     "rogol", "dirogol", "pelecehan", "harassment", "dera", "didera"),
    # trafficking and law
    ("g2g", "g to g", "gtog", "ji tu ji", "government to government", "g 2 g"),
    ("tppo", "tindak pidana perdagangan orang", "perdagangan orang", "perdagangan manusia", "pemerdagangan orang",
     "pemerdagangan manusia", "trafficking", "human trafficking", "trafficker", "traffickers", "trafficked",
     "trafiku ema", "trafiku", "jual orang", "jual manusia", "penjualan orang", "atipsom", "traffic", "tráfiku"),
    ("tandatangan", "tanda tangan", "ditandatangani", "menandatangani", "sign", "signed", "signing",
     "signature", "asina", "asinatura"),
    ("tanda", "ciri", "ciri ciri", "signs", "warning sign", "warning signs", "indicator", "indicators",
     "sinal", "red flag", "red flags", "waspada", "warning", "warnings", "bahaya", "danger", "dangerous",
     "perigu", "tanda bahaya", "tanda tanda"),
    ("hukum", "hukuman", "dihukum", "penalty", "penalties", "punishment", "punish", "punished", "sentence",
     "penjara", "dipenjara", "prison", "jail", "kastigu", "prizaun", "pidana", "bui", "denda", "fines",
     "sanksi", "sanction", "sanctions", "hukuman penjara"),
    ("undang", "undang undang", "uu", "law", "laws", "lei", "peraturan", "regulation", "regulasi", "dekretu"),
    ("korban", "mangsa", "victim", "victims", "vitima"),
    ("eksploitasi", "exploitation", "exploit", "exploited", "esplorasaun", "dieksploitasi"),
    # help
    ("darurat", "emergency", "emergencies", "kecemasan", "emerjensia", "emerjénsia", "urgent", "mendesak", "sos"),
    ("nomor", "nomer", "nmr", "number", "numbers", "nombor", "numeru", "numero", "no hp", "no telp", "no wa"),
    ("telepon", "telefon", "phone", "hp", "hotline", "call", "calls", "call center", "whatsapp", "wa",
     "hubungi", "hubung", "contact", "kontak", "kontaktu", "telpon", "menelepon", "halo polisi"),
    ("bantu", "bantuan", "tolong", "help", "helps", "ajuda", "assist", "assistance", "minta tolong",
     "pertolongan", "support"),
    ("lapor", "laporan", "melapor", "pelaporan", "report", "reports", "reporting", "adu", "aduan",
     "pengaduan", "complain", "complaint", "relata", "relatoriu", "keixa", "denuncia", "laporkan", "mengadu",
     "tip off", "tipoff", "hatoo", "fo hatene", "hato keixa"),
    ("kasus", "case", "cases", "kazu", "kes"),
    ("anonim", "anonymous", "anonymously", "rahasia", "rahsia", "secret", "secretly", "sekretu", "tanpa nama",
     "without my name", "identitas dirahasiakan", "privasi", "privacy"),
    ("safetravel", "safe travel", "aplikasi safe travel", "safe travel app"),
    ("pulang", "balik", "return", "returning", "come home", "go home", "get home", "fila", "pulang kampung",
     "go back", "going back", "went back", "back home", "balik kampung", "balik indonesia", "fila ba rai",
     "repatriasi", "repatriation", "pemulangan", "kepulangan", "mulih", "fila ba uma", "returnee",
     "returnees"),
    ("jenazah", "mayat", "dead body", "remains", "corpse", "isin mate", "jenasah"),
    ("meninggal", "wafat", "mati", "died", "death", "dead", "die", "mate", "meninggal dunia"),
)
# fmt: on

# Signs that a question is written in a language; only words typical of one of the four count.
LANGUAGE_MARKERS: dict[str, frozenset[str]] = {
    "en": _words(
        """the is are what how i my me can do does to of for and with where who need have get when which
        working work job this that it you your am was there please much many should would could whats im"""
    ),
    "ms": _words(
        """tak nak macam kat awak dah sahaja je mahu wang pasport ejen syarikat percuma kerajaan cuti hendak
        berapakah bagaimanakah mesti sebab kerana guna negara hantar semak kedutaan kecemasan nombor lawatan
        pemerdagangan berlesen bertolak berlepas taklimat rahsia tiada kena camne
        perkhidmatan sehenti kebenaran insurans kemahiran dibenarkan jabatan pejabat"""
    ),
    "tet": _words(
        """hau ita atu iha nee neebe saida oinsa hira sira bele tenke presiza hakarak servisu lae mak
        deit ona husi ho nia ida ba loos diak bondia obrigadu liur osan selu hatene hetan fila uma tama
        dalan patraun kaer ema sosa foun labarik tinan inan pasaporte vistu kontratu ajensia"""
    ),
    "id": _words(
        """gimana bagaimana mau bisa gak nggak sih dong aja beta sonde pi pung su kaka nona usi negeri uang
        paspor gratis perusahaan bikin harus sudah kalau kalo tahu lewat nomor darurat apakah saja tidak
        katong bosong doi bilang kasi karja dimana ya kah"""
    ),
}

# Letter and digit names as speech-to-text writes them (Indonesian, with the English "ji" for G).
SPELLED = {
    "a": "a", "be": "b", "ce": "c", "de": "d", "e": "e", "ef": "f", "ge": "g", "ji": "g", "ha": "h", "i": "i",
    "je": "j", "ka": "k", "el": "l", "em": "m", "en": "n", "o": "o", "pe": "p", "ki": "q", "er": "r", "es": "s",
    "te": "t", "u": "u", "ve": "v", "we": "w", "eks": "x", "ye": "y", "zet": "z",
    "nol": "0", "satu": "1", "dua": "2", "tiga": "3", "empat": "4", "lima": "5",
}  # fmt: skip

# Function words that mean the same in the four languages, read as one word only when keyword phrases are matched
# (they are not search terms): "dokumen apa" meets "what documents" and "dokumentu saida", "tanpa nama" meets
# "without my name" and "la ho naran".
# fmt: off
_FUNCTION_GROUPS: tuple[tuple[str, ...], ...] = (
    ("apa", "what", "which", "saida", "apakah", "apa2"),
    ("mana", "where", "neebe", "nebee", "nebe"),
    ("siapa", "who", "whom", "whose"),
    ("berapa", "much", "many", "hira"),
    ("bagaimana", "how", "oinsa", "camne"),
    ("tanpa", "without", "sein", "no"),
    ("tidak", "bukan", "not", "lae", "la", "laos", "tak", "never", "dont", "doesnt", "isnt"),
    ("boleh", "bisa", "can", "may", "bele", "allowed", "could"),
)
# fmt: on
FUNCTION_CONCEPTS: dict[str, str] = {word: group[0] for group in _FUNCTION_GROUPS for word in group}
