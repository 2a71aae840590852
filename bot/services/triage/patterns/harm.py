"""Danger, violence and threats, confinement, and being taken by force: the words of the urgent signals."""

from __future__ import annotations

from bot.services.triage.lexicon import rx
from bot.services.triage.patterns.movement import VEHICLE

_ME = r"(?:saya|sy|aku|beta|sa|kami|katong|ami|ha'u|me|us)"


def _affixed(*roots: str, bare: bool = True) -> str:
    """Indonesian and Malay verb forms of each root: "kurung" -> dikurung, mengurung, terkurung, kurungan,
    kurungnya, dikurungi... (prefixes di-, ter-, ke-, me-/meng-/mem-/men-/meny-, kena, dapa; suffixes -kan, -i,
    -an, -nya, -lah). ``bare=False`` leaves the root alone out where it is an everyday word ("kunci" is a key,
    "bakar ikan" is cooking, "terikat kontrak" is a contract)."""
    # One group of prefixes before one group of roots, not every form spelt out: the engine tries far fewer
    # alternatives at each word (a long story is scanned twice as fast) for the same words.
    prefixes = "(?:di|me|meng|mem|men|ter|ke)?" if bare else "(?:di|me|meng|mem|men)"
    # me- changes the first letter of some roots (pukul -> memukul, tampar -> menampar, siksa -> menyiksa).
    nasal = {"p": "mem", "t": "men", "s": "meny", "k": "meng"}
    changed = [nasal[root[0]] + root[1:] for root in roots if root[0] in nasal]
    body = prefixes + "(?:" + "|".join(sorted(roots, key=len, reverse=True)) + ")"
    if changed:
        body = "(?:" + body + "|" + "|".join(sorted(changed, key=len, reverse=True)) + ")"
    return "(?:(?:kena|dapa|dapat|kene)\\s+)?" + body + "(?:kan|i|in|an|nya|lah)?"


_HARM_ROOTS = (
    "tampar", "tempeleng", "tendang", "siksa", "seksa", "aniaya", "hantam", "tumbuk", "setrum", "belasah",
    "jambak", "cekik", "bacok", "injak", "banting", "tinju", "cambuk", "sabet", "gebuk", "hajar", "keroyok",
    "perkosa", "rogol", "cabul", "ancam", "ugut", "dera", "lukai", "sakiti", "celakai", "sundut", "pasung",
)  # fmt: skip
# Bare "pukul" is also "o'clock" ("pukul 10 malam"): it has its own pattern below.
_HARM_ROOTS_NOT_BARE = ("pukul", "tusuk", "bakar", "tembak", "ikat", "rantai", "siram")
_CONFINE_ROOTS = ("kurung", "sekap", "sandera", "penjarakan", "pingit", "kekang")
_CONFINE_ROOTS_NOT_BARE = ("kunci", "gembok", "sekat")
_FORCE_ROOTS = ("culik", "seret", "heret", "bekap", "sergap", "larikan", "rampas")
_FORCE_ROOTS_NOT_BARE = ("bius",)
_PERSON_OBJ = r"(?:dia|de|dong|dorang|mereka|kami|katong|saya|sy|beta|nia|sira|ami|ha'u|her|him|them|us|me)"

# "tolong kami rakyat kecil", "help us poor people", "ajuda ami povu": a plea for a whole group, not a cry.
_NOT_A_GROUP = (
    r"(?!\s+(?:rakyat|masyarakat|warga|orang\s+(?:kecil|miskin|kampung|ntt|timor|desa)|semua|sekalian|petani|nelayan|"
    r"pekerja|buruh|tki|tkw|pmi|kaum|generasi|anak\s+muda|pemuda|people|all|everyone|poor|ordinary|migrants|workers|"
    r"families|povu|ema\s+kiak|ema\s+hotu|komunidade|joven|foin-sa'e|hotu)\b)"
)
# A cry for help, not a polite "tolong" in a request ("tolong info", "tolong pemerintah perhatikan").
DANGER = rx(
    r"\b(?:dalam\s+bahaya|dlm\s+bahaya|in\s+danger|iha\s+perigu|nyawa(?:nya)?\s+(?:terancam|dalam\s+bahaya)|"
    r"life\s+is\s+at\s+risk|darurat|emergency|emerjensia|sos|(?:mau|akan|ingin)\s+bunuh\s+diri|bunuh\s+diri|"
    r"suicid\w*|tolong\s+(?:selamatkan|keluarkan|kasi\s+kaluar|jemput|lepaskan)|"
    r"(?=selamatkan)(?<!polis\s)(?<!polisi\s)(?<!police\s)(?<!aparat\s)(?<!petugas\s)selamatkan\s+"
    r"(?:dia|kami|saya|beta|dong|katong)|save\s+(?:me|us|her|him|them)|rescue\s+(?:me|us|her|him|them)|"
    r"help\s+(?:me|us)(?!\s+(?:with|to\s+(?:know|find|understand|get\s+information)|find))|"
    r"tolong\s+" + _ME + r"\b(?!\s+(?:cek|tanya|info|informasi|tau|tahu|kasi\s+info|jelaskan))" + _NOT_A_GROUP + r"|"
    r"tolong\s*!{2,}|tolong\s+cepat|tolong\s+segera|(?:(?<=^)|(?<=[.!?\n]))\s*(?:tolong|help|ajuda|tulun)\s*!|"
    r"(?:please\s+)?come\s+(?:quickly|now|fast|immediately)|(?:cepat|segera)\s+datang|datang\s+(?:cepat|segera)|"
    # "ajuda ita nia joven sira" is "help our young people": "nia" after the pronoun makes it possessive.
    r"ajuda\s+(?:ha'u|ami|ita|nia)(?![-\w])(?!\s+(?:hatene|atu\s+hatene|ho\s+informasaun|nia\b))" + _NOT_A_GROUP + r"|"
    r"tulun\s+(?:ha'u|ami|nia)(?![-\w])(?!\s+nia\b)" + _NOT_A_GROUP + r"|fav[oó]r\s+lalais|"
    r"salva\s+(?:ha'u|ami|nia))(?!\w)"
)

# Someone heard crying for help: "batariak minta tolong", "menjerit minta tolong", "screaming for help", "hakilar
# husu tulun". Read with its tense: "dulu dia teriak minta tolong" is over.
DISTRESS = rx(
    r"\b(?:(?:ber)?teriak|teriak-teriak|batariak|batriak|bataria|menjerit|jerit|menangis|nangis|manangis|scream\w*|"
    r"shout\w*|yell\w*|cr(?:y|ied|ying)|hakilar|tanis)\s+(?:[\w']+\s+){0,2}?(?:minta|meminta|mohon|for|husu|bolu)\s+"
    r"(?:tolong|help|ajuda|tulun|bantuan|pertolongan)\b"
)

# A boat that sank or capsized, people not yet found: danger now (read with its tense).
SHIPWRECK = rx(
    r"\b(?:(?:bot|boat|kapal|perahu|speedboat|ró|feri|ferry|sampan|pompong)\s+(?:[\w']+\s+){0,3}?(?:tenggelam|karam|"
    r"terbalik|sank|sunk|sinking|capsized|capsizing|went\s+down)|(?:belum|blm|not\s+yet|still\s+not|seidauk|masih\s+belum)\s+"
    r"(?:di)?(?:jumpa|ditemui|ditemukan|ketemu|found|hetan|been\s+found)|missing\s+at\s+sea|hilang\s+di\s+laut)\b"
)

# Seriously ill with no care: danger now, unless the text says it is over ("sudah sembuh").
ILLNESS = rx(
    r"\b(?:(?:sakit|sick|ill|moras)\s+(?:parah|keras|berat|teruk|badly|seriously|very\s+badly|todan)|"
    r"(?:tidak|tdk|tak|sonde|not|la)\s+(?:dibawa|boleh|dikasih|allowed\s+to\s+(?:see|go\s+to)|lori)\s+(?:ke\s+|ba\s+)?"
    r"(?:dokter|doktor|rumah\s+sakit|hospital|klinik|a\s+doctor|ospit[aá]l))\b"
)

# "pukul" is also "o'clock" in Indonesian: "pukul 10 malam" is a time, not a blow.
_CLOCK_AFTER = r"(?!\s*(?:\d|se(?:puluh|belas)|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|berapa))"
VIOLENCE = rx(
    r"\b(?:" + _affixed(*_HARM_ROOTS) + "|" + _affixed(*_HARM_ROOTS_NOT_BARE, bare=False) + r"|"
    r"(?:ter|kena\s+|dapa\s+|dapat\s+)?pukul(?:i|in|nya)?" + _CLOCK_AFTER + r"|"
    r"(?:di|me|kena\s+|dapa\s+)?(?:tampar|tempeleng|tendang|siksa|seksa|aniaya|hantam|sepak|tumbuk|setrum|belasah|"
    r"jambak|cekik|tusuk|bacok|injak|banting|tinju|cambuk|sabet|gebuk|hajar)(?:nya|i|in)?|babak\s+belur|"
    r"(?:di)?siram(?:i)?\s+(?:dengan\s+|pake\s+|pakai\s+)?air\s+(?:panas|mendidih)|patah\s+tulang|"
    r"(?:di)?intimidasi|diteror|keganasan|kecederaan|(?:di)?cabul\w*|disetubuhi|(?:di)?raba|meraba|dicium\s+paksa|"
    r"(?:di)?celaka(?:i|kan)?|mencelakai|(?:di)?sakiti|menyakiti|dilukai|melukai|dihabisi|habisi|diapa-?apakan|"
    r"diapa2kan|apa-apakan|halo\s+aat|estraga|"
    r"masuk\s+(?:ke\s+)?kamar\w*\s+(?:[\w']+\s+){0,3}?(?:dan\s+)?(?:memaksa|maksa|paksa|raba|meraba|peluk)|"
    r"grop(?:ed|es|ing)|touch(?:ed|es|ing)?\s+(?:her|him)\s+(?:body|private)|"
    r"penganiayaan|penyiksaan|kekerasan|kdrt|"
    r"(?:di|mem|kena\s+)?perkosa|pemerkosaan|(?:di|kena\s+)?rogol|dicabuli|pencabulan|dilecehkan|pelecehan|"
    r"(?:di|meng|kena\s+)?ancam(?:an|nya)?|terancam|(?:di|meng|kena\s+)?ugut(?:an)?|"
    r"(?:di|mau\s+di|akan\s+di)?bunuh|dera|didera|dicederakan|"
    r"(?:luka|lebam|memar|berdarah|badarah)(?:-luka)?|disiram\s+air\s+panas|dibakar|disundut|"
    r"beat(?:en|ing|s)?|hit(?:s|ting)?|kick(?:ed|ing|s)?|slapp?(?:ed|ing|s)?|punch(?:ed|ing|es)?|rap(?:ed|e)|"
    r"abus(?:ed|ing|e)|assault(?:ed)?|tortur(?:ed|e|ing)|threat(?:en(?:ed|ing|s)?|s)?|hurt(?:ing|s)?|"
    r"injur(?:ed|ies|y)|bruis(?:ed|es|e)|burn(?:ed|t)\s+(?:her|him|them|me)|stabbed|molest(?:ed)?|"
    r"sexually\s+(?:harass(?:ed)?|abused|assaulted)|violen(?:ce|t)|strangled|choked|whipped|wounds|intimidated|"
    r"beat\s+(?:her|him|them|me|us)\s+up|beaten\s+up|blackmail(?:ed|s|ing)?|bleeding|"
    r"(?:will|would|going\s+to|gonna|'ll)\s+(?:kill|hurt|harm|beat|punish|rape)|harm(?:ed)?\s+(?:her|him|them|me|us)|"
    r"hatauk|hadau\s+(?:nia|sira)|"
    # tet: baku (beat) only with who beats or who is beaten: "baku" is also Indonesian for "standard".
    r"(?:hetan|patraun|ajente|sira|nia|mandor|bos|ema|mane|nain|na'in|polísia|polisia)\s+(?:ida\s+)?baku|"
    r"baku\s+(?:nia|ha'u|ami|sira|ita|feto|labarik|ema|oan|mane)|"
    r"(?:tuku|tebe|basa)\s+(?:nia|ha'u|ami|sira)|ameasa|(?:atu|sei)\s+oho|oho\s+(?:nia|ha'u|ami|sira)|"
    r"viola(?:saun)?|kanek|hakanek|viol[eé]nsia|kastigu)\b"
)
# A threat spelt out: "kalau kabur dia mau dipenjara", "if she runs away they will hurt her family".
THREAT = rx(
    r"\b(?:kalau|kalo|klo|kalu|jika|if|se)\s+(?:[\w']+\s+){0,3}?(?:kabur|lari|lapor|melapor|pulang|balik|"
    r"run(?:s)?\s+away|escape[sd]?|report(?:s)?|tells?|halai|keixa|hato'?o|fila)\b[^.!?\n]{0,60}?"
    r"\b(?:bunuh|dipenjara|penjara|pukul|dipukul|hurt|kill|jail|prison|police|polisi|oho|prizaun|baku|ugut|ancam)\b"
)

CONFINEMENT = rx(
    r"\b(?:" + _affixed(*_CONFINE_ROOTS) + "|" + _affixed(*_CONFINE_ROOTS_NOT_BARE, bare=False) + r"|"
    r"(?:di|ter|kena\s+|dapa\s+)?kurung(?:nya)?|dikunci|terkunci|"
    r"(?:dong|dorang|mereka|majikan|agen|bos|boss|de|dia|ejen|patraun|sira)\s+kunci|"
    r"kunci\s+(?:dia|de|dong|dorang|mereka|kami|katong|di\s+\w+)|"
    r"(?:di|me|ter)?sekap|disandera|sandera|"
    r"(?:tidak|tdk|tak|x|tra|ga|gak|nggak|ndak|nda|sonde|son|snd)\s+(?:boleh|bole|bisa|dikasih|dikasi|kasih|kasi|kase|"
    r"bagi|dibenarkan|diizinkan|diijinkan|diberi|dibiarkan|pernah\s+boleh|izinkan|ijinkan)\s+(?:\w+\s+){0,3}?"
    r"(?:keluar|kaluar|kluar|pulang|naik\s+darat|ke\s+darat|mendarat|turun\s+(?:dari\s+)?(?:kapal|bot|darat)|"
    r"pergi|balik|pi\s+mana|kemana[- ]mana|ke\s+mana[- ]mana|pi\s+mana-mana)|"
    r"dilarang\s+(?:keluar|pulang|pergi|balik)|"
    r"(?:ditahan|kena\s+tahan|tertahan)\s+(?:di|dalam|di\s+dalam|kat|dekat)\s+(?:rumah|kamar|bilik|stor|gudang|mess|asrama|penampungan|kapal|kebun|ladang|"
    r"tempat|sebuah|satu|ruang)|(?:di)?gembok|digembok|dijaga\s+ketat|terperangkap|"
    r"lock(?:s|ed|ing)?\s+(?:up|in|inside|away)|lock(?:s|ed|ing)?\s+(?:her|him|them|us|me)\s+(?:up|in)|locked|"
    r"confined|captive|held\s+against\s+(?:her|his|their|my|our)\s+will|held\s+(?:in|inside)\s+(?:a|the)\s+\w+|"
    r"(?:holding|hold|holds|held|keeping|keep|keeps)\s+(?:[\w']+\s+){0,4}?(?:in|inside)\s+(?:a|the)\s+(?:[\w-]+\s+)?"
    r"(?:compound|camp|house|room|building|hostel|dorm\w*|shed|container|barrack\w*)|"
    r"(?:tak|tidak|tdk|not)\s+(?:benarkan|izinkan|ijinkan|allow)\s+(?:[\w']+\s+){0,2}?(?:keluar|pulang|balik|leave|go\s+out)|"
    r"(?:pagar|gate|pintu|door|odamatan)\s+(?:[\w']+\s+)?(?:dikunci|digembok|locked)|"
    # People kept or hidden inside a house, or never seen going out: "jiran saya macam simpan 3 orang perempuan dalam
    # rumah, tak pernah nampak diorang keluar".
    r"(?:simpan|sorok|sembunyikan|menyembunyikan|keep(?:s|ing)?|kept|hide|hides|hiding|hid|rai|subar)\s+(?:[\w']+\s+){0,4}?"
    r"(?:orang|perempuan|pekerja|budak|nona|anak|cewek|women|girls|people|workers|feto|ema|labarik|dia|mereka|diorang|"
    r"dorang|them|her|him)\s+(?:[\w']+\s+){0,2}?(?:dalam|di\s+dalam|inside|in|iha)\s+(?:the\s+|a\s+)?(?:rumah|bilik|kamar|"
    r"house|room|uma|kuartu|stor|gudang)|"
    r"(?:tak|tidak|tdk|never|sonde|la|nunka)\s+(?:pernah\s+)?(?:nampak|tampak|lihat|liat|melihat|tengok|see|seen|saw|"
    r"haree)\s+(?:diorang|dorang|mereka|them|sira|dia|her|him|nia|de)\s+(?:keluar|kaluar|out|go\s+out|leave|leaving|sai)|"
    # Someone else locks the door on them: "bos saya kunci pintu asrama setiap malam", "locks the door from outside".
    r"(?:bos|boss|majikan|agen|ejen|tekong|calo|sponsor|mandor|tauke|taukeh|patraun|ajente|dong|dorang|diorang|mereka|"
    r"he|she|they|supervisor|employer|agent|owner)\s+(?:[\w']+\s+)?(?:kunci|mengunci|lock(?:s|ed)?|xave|taka)\s+"
    r"(?:the\s+)?(?:pintu|pagar|gerbang|bilik|kamar|asrama|door|gate|room|odamatan|portaun|kuartu)|"
    r"(?:kunci|mengunci|lock(?:s|ed)?|xave|taka)\s+(?:the\s+|our\s+|their\s+|her\s+)?(?:pintu|pagar|door|gate|"
    r"odamatan|portaun)\s+(?:[\w']+\s+){0,2}?(?:dari\s+luar|from\s+(?:the\s+)?outside|husi\s+li'ur|hosi\s+li'ur)|"
    r"la\s+husik\s+(?:[\w'-]+\s+){0,3}?(?:ba\s+li'ur|sai|fila|ba\s+uma)|"
    r"not\s+allowed\s+to\s+(?:leave|go\s+out|go\s+home|go\s+outside|go\s+anywhere|go\s+ashore|come\s+ashore|"
    r"get\s+off)|(?:never|not)\s+(?:been\s+)?allowed\s+(?:off|ashore)|"
    r"(?:won't|will\s+not|don't|do\s+not|doesn't|does\s+not|never|not)\s+let\s+(?:[\w']+\s+){1,3}?"
    r"(?:leave|go|out|outside)|"
    r"(?:can't|cannot|can\s+not|unable\s+to)\s+(?:leave|go\s+out|escape|get\s+out)|"
    r"held\s+hostage|hostages?|tied\s+up|chained|under\s+guard|dikawal\s+ketat|kept\s+(?:her|him|them|us|me)\s+"
    r"(?:inside|locked|prisoner|captive|hostage)|kept\s+prisoner|not\s+allowed\s+out|"
    r"(?:won't|will\s+not|doesn't|does\s+not|don't|do\s+not)\s+allow\s+(?:[\w']+\s+){1,3}?to\s+(?:leave|go)|"
    r"kesi\s+(?:nia|sira|ami|ha'u)|"
    r"kept\s+(?:inside|indoors|locked|in\s+(?:a|the)\s+(?:[\w-]+\s+)?(?:room|house|camp|compound|hostel|dorm\w*|shed|"
    r"building|place|container|barrack\w*))|trapped|imprisoned|guarded|"
    r"(?:stop|stops|stopped|prevent\w*)\s+(?:her|him|them|us|me)\s+(?:from\s+)?(?:leaving|going|escaping|getting\s+out)|"
    r"not\s+let\s+(?:her|him|them|us|me)?\s*(?:out|leave|go)|"
    # tet: xave (lock), sulan (shut in), la husik sai / la fó sai (not let out), la bele sai (cannot leave)
    r"xave\s+(?:nia|sira|ami|ha'u|iha)|xave|sulan|taka\s+(?:odamatan|nia|sira|ami|ha'u|feto|labarik|ema)\b|"
    r"(?:odamatan|portaun|janela)\s+(?:[\w']+\s+)?(?:taka|xave)\s+(?:husi|hosi)\s+li'ur|taka\s+husi\s+li'ur|"
    r"la\s+(?:husik|fó|fo|fó\s+lisensa)\s+(?:nia|sira|ami|ha'u)?\s*sai|la\s+bele\s+sai|prende|"
    # tet: labele sai (cannot go out), hetan taka (shut in), taka ... iha kuartu laran (shut inside a room)
    r"labele\s+(?:sai|fila|ba\s+li'ur|tun)|hetan\s+(?:taka|xave|prende)|"
    r"taka\s+(?:[\w']+\s+){0,2}?iha\s+(?:[\w']+\s+){0,2}?laran)\b"
)

# "Cannot go home because of the passport / without money": documents held or debt, not being locked in.
UNABLE = rx(r"\b(?:boleh|bole|bisa|can't|cannot|can\s+not|unable|labele|la\s+bele)\b")
FOR_WANT_OF = rx(
    r"^\W*(?:[\w']+\s+){0,3}?(?:sebab|kerana|karena|krn|karna|gara-gara|because|since|as|tanpa|without|tanba|tamba|"
    r"por\s+kauza)\s+(?:[\w']+\s+){0,3}?(?:paspor|pasport|passport|pasaporte|dokumen|documents?|papers|dokumentu|"
    r"permit|visa|duit|uang|doi|money|tiket|ticket|tickets|osan|bilete|utang|hutang|debt|tusan|ongkos|biaya|fare)"
)

# Taken or moved by force: "diculik", "tarik paksa masuk oto", "dragged into a car", "rapta".
FORCE = rx(
    r"\b(?:" + _affixed(*_FORCE_ROOTS) + "|" + _affixed(*_FORCE_ROOTS_NOT_BARE, bare=False) + r"|"
    r"(?:di|men|ter)?culik|penculikan|(?:di)?bawa\s+(?:secara\s+)?paksa|secara\s+paksa|dengan\s+paksa|"
    r"(?:pake|pakai|pakei)\s+paksa|(?:di)?tarik\s+paksa|ame\s+paksa|dipaksa\s+(?:naik|masuk|ikut)|"
    r"(?:di)?seret|(?:di)?heret|dilarikan|(?:di)?bawa\s+(?:lari|kabur)|(?:di)?tarik\s+(?:[\w']+\s+){0,4}?masuk|disergap|"
    r"dibekap|(?:di)?(?:bawa|angkut|jemput|tarik|ambil|ame|naikkan|masukkan|kirim|pindahkan)\s+"
    r"(?:secara\s+|dengan\s+|pake\s+|pakai\s+)?paksa|"
    r"dimasukkan\s+(?:paksa\s+)?(?:ke\s+)?(?:dalam\s+)?(?:mobil|oto|truk|truck|pick\s*up|van|bus|kereta|lori)|"
    r"kidnap(?:ped|ping)?|abduct(?:ed|ion|ing)?|snatch(?:ed)?|grabbed|dragged|"
    r"(?:push\w*|forc\w*|bundl\w*|shov\w*|threw|thrown|throw\w*|pull\w*|drag\w*|stuff\w*|put\w*|grab\w*)\s+"
    r"(?:[\w'-]+\s+){0,4}?(?:into|in|onto)\s+(?:[\w'-]+\s+){0,4}?" + VEHICLE + r"|"
    r"(?:pushed|forced|bundled|shoved)\s+(?:[\w']+\s+){0,4}?into|"
    r"(?:di)?paksa\s+(?:[\w'-]+\s+){0,3}?(?:naik|masuk|ikut)|"
    r"(?:di)?(?:tolak|dorong|sorong)\s+(?:[\w'-]+\s+){0,3}?(?:masuk|naik)\s+(?:ke\s+)?(?:dalam\s+)?" + VEHICLE + r"|"
    r"taken\s+(?:away\s+)?by\s+force|by\s+force|"
    r"carried\s+(?:off|away)|taken\s+away\s+by|took\s+(?:her|him|them)\s+away|seized|forcibly|hadau|"
    r"rapta(?:du|da)?|(?:dada|dudu)\s+(?:[\w'-]+\s+){0,3}?tama|ho\s+forsa|na'ok\s+(?:labarik|feto|ema|oan)|"
    # tet: obriga (force) someone to board (sae), get in (tama) or follow (tuir): "obriga feto ida sae karreta".
    r"(?:obriga|forsa|hafoin\s+obriga|dada|kaer|tulak|hadau)\s+(?:[\w'-]+\s+){0,5}?(?:sa'e|tama)\s+(?:ba\s+|iha\s+)?"
    r"(?:[\w'-]+\s+)?" + VEHICLE + r"|(?:obriga|forsa)\s+(?:[\w'-]+\s+){0,5}?tuir\s+(?:sira|nia|ami|ema|mane)|"
    # Pulled or grabbed by the hand or arm: "dada nia liman", "tarik tangannya", "pulled her by the arm".
    r"(?:dada|kaer\s+metin|hadada)\s+(?:[\w'-]+\s+){0,2}?(?:nia\s+)?liman|"
    r"(?:di)?tarik\s+(?:[\w']+\s+){0,2}?tangan(?:nya)?|(?:di)?pegang\s+tangan\w*\s+(?:[\w']+\s+)?(?:kuat|paksa|erat)|"
    r"(?:pulled|pulling|grabbed|grabbing|yanked|dragging)\s+(?:[\w']+\s+){1,3}?by\s+(?:the|her|his|their)\s+"
    r"(?:arm|arms|hand|hands|wrist|hair)|"
    r"(?:forced|made|obliged)\s+(?:[\w']+\s+){0,2}?to\s+(?:get|climb|go|board)\s+(?:in(?:to|side)?|on(?:to)?|"
    r"aboard)\s+(?:[\w'-]+\s+){0,2}?" + VEHICLE + r"|"
    r"(?:tau|hatama|dada|dudu|lori|kaer)\s+(?:[\w'-]+\s+){0,3}?(?:ba|tama)\s+(?:iha\s+)?" + VEHICLE + r"|"
    r"(?:dimasukkan|dinaikkan|dilempar)\s+(?:[\w'-]+\s+){0,2}?(?:ke\s+)?(?:dalam\s+)?" + VEHICLE + r")\b"
)
