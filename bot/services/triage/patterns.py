"""What each kind of signal looks like in text (id, Kupang Malay, en, ms, tet). Compiled once, used by ``signals``.

Patterns that contain their own negation ("sonde kasi kaluar", "gaji tidak dibayar", "la husik sai") are signals
in their own right; other negation is checked around the match (``tense.negated``).
"""

from __future__ import annotations

import re

from bot.services.triage.lexicon import NOT, NUM, rx, wordset

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
_VEHICLE = (
    r"(?:car|cars|van|truck|vehicle|boat|bus|minibus|pickup|pick-up|lorry|taxi|ship|motorbike|motorcycle|mobil|oto|"
    r"truk|pikap|pick\s*up|angkot|bemo|travel|ojek|motor|motosikal|kereta|bas|bis|kapal|bot|karreta|kareta|kamioneta|"
    r"mikrolet|kamiaun|ró)"
)
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
    r"(?:[\w'-]+\s+){0,4}?(?:into|in|onto)\s+(?:[\w'-]+\s+){0,4}?" + _VEHICLE + r"|"
    r"(?:pushed|forced|bundled|shoved)\s+(?:[\w']+\s+){0,4}?into|"
    r"(?:di)?paksa\s+(?:[\w'-]+\s+){0,3}?(?:naik|masuk|ikut)|"
    r"(?:di)?(?:tolak|dorong|sorong)\s+(?:[\w'-]+\s+){0,3}?(?:masuk|naik)\s+(?:ke\s+)?(?:dalam\s+)?" + _VEHICLE + r"|"
    r"taken\s+(?:away\s+)?by\s+force|by\s+force|"
    r"carried\s+(?:off|away)|taken\s+away\s+by|took\s+(?:her|him|them)\s+away|seized|forcibly|hadau|"
    r"rapta(?:du|da)?|(?:dada|dudu)\s+(?:[\w'-]+\s+){0,3}?tama|ho\s+forsa|na'ok\s+(?:labarik|feto|ema|oan)|"
    # tet: obriga (force) someone to board (sae), get in (tama) or follow (tuir): "obriga feto ida sae karreta".
    r"(?:obriga|forsa|hafoin\s+obriga|dada|kaer|tulak|hadau)\s+(?:[\w'-]+\s+){0,5}?(?:sa'e|tama)\s+(?:ba\s+|iha\s+)?"
    r"(?:[\w'-]+\s+)?" + _VEHICLE + r"|(?:obriga|forsa)\s+(?:[\w'-]+\s+){0,5}?tuir\s+(?:sira|nia|ami|ema|mane)|"
    # Pulled or grabbed by the hand or arm: "dada nia liman", "tarik tangannya", "pulled her by the arm".
    r"(?:dada|kaer\s+metin|hadada)\s+(?:[\w'-]+\s+){0,2}?(?:nia\s+)?liman|"
    r"(?:di)?tarik\s+(?:[\w']+\s+){0,2}?tangan(?:nya)?|(?:di)?pegang\s+tangan\w*\s+(?:[\w']+\s+)?(?:kuat|paksa|erat)|"
    r"(?:pulled|pulling|grabbed|grabbing|yanked|dragging)\s+(?:[\w']+\s+){1,3}?by\s+(?:the|her|his|their)\s+"
    r"(?:arm|arms|hand|hands|wrist|hair)|"
    r"(?:forced|made|obliged)\s+(?:[\w']+\s+){0,2}?to\s+(?:get|climb|go|board)\s+(?:in(?:to|side)?|on(?:to)?|"
    r"aboard)\s+(?:[\w'-]+\s+){0,2}?" + _VEHICLE + r"|"
    r"(?:tau|hatama|dada|dudu|lori|kaer)\s+(?:[\w'-]+\s+){0,3}?(?:ba|tama)\s+(?:iha\s+)?" + _VEHICLE + r"|"
    r"(?:dimasukkan|dinaikkan|dilempar)\s+(?:[\w'-]+\s+){0,2}?(?:ke\s+)?(?:dalam\s+)?" + _VEHICLE + r")\b"
)

EXPLOITATION = rx(
    r"\b(?:(?:di|ter)?paksa\s+(?:untuk\s+)?(?:kerja|bekerja|melayani|layani|layan|jual|jadi|menjadi|tidur|"
    r"berhubungan|minum|temani)|kerja\s+paksa|dipaksa|forced\s+to\s+\w+|forced\s+labou?r|"
    r"dijual|kena\s+jual|diperdagangkan|(?:jual|menjual)\s+(?:dia|orang|anak|perempuan|nona|wanita|gadis)|sold|trafficked|"
    r"(?:di)?nikahkan\s+(?:secara\s+)?paksa|kawin\s+paksa|forced\s+(?:to\s+)?marr\w*|kaben\s+ho\s+forsa|"
    r"fa'an\s+(?:ema|feto|labarik|nia)|obriga|"
    r"(?:tidak|tdk|tak|sonde|son|ga|gak|nggak)\s+(?:pernah\s+)?(?:dikasih|dikasi|kasi|kasih|diberi|boleh|dapa|dapat)"
    r"(?:\s+(?:dia|de|dong|dorang|kami|beta|mereka))?\s+(?:makan|libur|istirahat|tidur|cuti)|kelaparan|"
    r"no\s+(?:day\s+off|rest|food)|not\s+given\s+food|tanpa\s+(?:cuti|libur|rehat)|"
    r"kerja\s+(?:tanpa|tidak|sonde|tak)\s+(?:libur|istirahat|henti)|(?:kerja|bekerja)\s+\d{2}\s+jam|\d{2}\s+jam\s+sehari|"
    r"disuruh\s+kerja\s+(?:sampai|sampe|terus|tanpa)|"
    r"work(?:s|ing)?\s+\d{2}\s+hours|make[s]?\s+(?:her|him|them|me|us)\s+(?:work|scam|serve|sleep|drink|sell|do)|"
    r"work\s+all\s+night|scam\s+(?:online|people)|kerja\s+scam|"
    r"servisu\s+oras\s+\d{2}|(?:la|laiha)\s+(?:iha|hetan|simu)?\s*loron\s+deskansa|"
    r"la\s+(?:fó|fo)\s+(?:nia|sira|ami)?\s*hah[aá]n|"
    r"(?:dari|from|husi|sejak)\s+(?:subuh|pagi|dadeer|morning|dawn|(?:jam|pukul)\s+\d+(?:\s+(?:pagi|subuh|am))?|\d{1,2}\s*am)"
    # ... till late at night: "sampe jam 12 malam", "till 11pm", "sampai jam 22" (not "jam 4 sore").
    r"\s+(?:sampai|sampe|hingga|to|until|till|to'o)\s+(?:tengah\s+malam|malam|kalan|night|midnight|(?:jam|pukul)\s+\d+"
    r"\s+(?:malam|mlm)|(?:jam|pukul)\s+(?:2[0-4]|1[01])(?![\d.:])(?!\s+(?:pagi|siang|sore))|(?:9|10|11|12)\s*pm)|"
    r"minta\s+(?:tolong\s+)?(?:di)?pulangkan|(?:mau|ingin|pengen|minta)\s+pulang\s+(?:tapi|tp|namun|sonde|tidak)|"
    r"(?:mahu|nak|ingin)\s+balik(?:\s+kampung)?|hakarak\s+fila|"
    r"want(?:s)?\s+to\s+(?:go|come)\s+home|melarikan\s+diri|kabur\s+dari|lari\s+dari\s+(?:majikan|rumah|tempat)|"
    r"ran\s+away\s+from|escaped\s+from|halai\s+husi)\b"
)
# Sexual exploitation: a child in it is urgent.
SEXUAL = rx(
    r"\b(?:psk|pelacur(?:an)?|prostitu\w*|(?:me)?layani\s+tamu|layan\s+pelanggan|temani\s+tamu|jual\s+diri|"
    r"lokalisasi|karaoke|pusat\s+urut|kedai\s+urut|gro|serve\s+(?:guests|customers|clients|men)|sex\s+work|seks|"
    r"massage\w*|pijat\w*|masajen|mucikari|germo|open\s*bo|(?:di)?nikahkan\s+(?:secara\s+)?paksa|kawin\s+paksa|"
    r"forced\s+(?:to\s+)?marr\w*|forced\s+marriage|kaben\s+ho\s+forsa|(?:men|lelaki|laki2|laki-laki|mane)\s+(?:\w+\s+)?"
    r"(?:visit|visits|datang|come|mai)\s+(?:\w+\s+)?(?:at\s+night|malam|kalan)|"
    r"simu\s+bainaka|tuur\s+ho\s+(?:bainaka|mane|kliente)|bainaka|temankan\s+pelanggan|teman\s+minum|"
    r"(?:kerja|bekerja|servisu|works?|working)\s+(?:di|iha|at|in)\s+(?:sebuah\s+|a\s+|ida\s+|satu\s+)?"
    r"(?:bar|kafe\s+remang\w*|cafe\s+remang\w*|spa|panti\s+pijat|massage\s+parlou?r|club|klub\s+malam|nightclub))\b"
)

HOLDING_HOUSE = rx(
    r"\b(?:(?:tempat|rumah|uma)\s+penampungan|penampungan|ditampung|holding\s+house|transit\s+house|rumah\s+transit|"
    r"rumah\s+singgah|(?:rumah|house|uma)\s+(?:[\w']+\s+){0,8}?(?:kumpul|mengumpulkan|menampung|tampung|collect|"
    r"keep|halibur)\s+(?:[\w']+\s+){0,2}?(?:calon\s+)?(?:tkw|tki|pmi|pekerja|orang|nona|perempuan|workers|people|women|"
    r"girls|ema|feto)\s+(?:[\w']+\s+){0,2}?(?:sebelum|before|molok)\b|"
    r"(?:menunggu|waiting|hein)\s+(?:untuk\s+|to\s+be\s+|atu\s+)?(?:dikirim|diberangkatkan|dihantar|sent|haruka)|"
    # A house where a group of people stays until they are sent on: "iha uma ida, feto husi Timor-Leste na'in 8 hela
    # atu ba Malaysia", "di rumah itu ada 10 orang tinggal tunggu berangkat".
    r"(?:rumah|uma|house|mess|asrama|hostel|kos|fatin|gudang)\b[^.!?\n]{0,60}?\b(?:orang|org|nona|perempuan|wanita|"
    r"cewek|pemuda|feto|mane|ema|women|girls|men|people|workers|pekerja|calon|tki|tkw|pmi|joven|labarik|budak|na'in|"
    r"\d+)\b[^.!?\n]{0,30}?\b(?:hela|tinggal|menginap|nginap|tidur|stay\w*|kept|duduk|toba|ditempatkan)\s+"
    r"(?:[\w']+\s+){0,3}?(?:atu|sebelum|before|molok|untuk|utk|mau|nak|to|tunggu|hein|waiting|menunggu)\s+(?:[\w']+\s+)?"
    r"(?:ba|pergi|pi|pigi|berangkat|ke|go|leave|sai|dikirim|diberangkatkan|dihantar|haruka|fly|terbang|be\s+sent|"
    r"travel)\b|"
    # A place where an agent puts people: "rumah kongsi tempat ejen letak pekerja", "house where the agent keeps them"
    # (not where brokers gather people: "warung tempat calo biasa kumpul orang" is a meeting point).
    r"(?:rumah|tempat|house|place|uma|fatin|mess|asrama|hostel|gudang|bangsal|kem|camp)\s+(?:[\w']+\s+){0,4}?"
    r"(?:ejen|agen|agent|calo|tekong|sponsor|ajente|tauke|taukeh|broker|recruiter|boss|bos)\s+(?:[\w']+\s+)?"
    r"(?:letak|letakkan|taruh|simpan|tampung|sorok|tempatkan|menempatkan|inapkan|keeps?|kept|puts?|houses|holds?|"
    r"held|rai|tau|hatama)\b|"
    # A place with people waiting to be sent on or for papers: "di mess tunggu permit", "uma ida hein pasaporte".
    r"(?:rumah|tempat|house|uma|fatin|mess|asrama|hostel|gudang|bangsal|kem|camp)\b[^.!?\n]{0,80}?\b"
    r"(?:tunggu|menunggu|waiting|wait|hein|antri)\s+(?:untuk\s+|for\s+|to\s+be\s+|atu\s+|ba\s+)?(?:[\w']+\s+)?"
    r"(?:permit|visa|paspor|pasport|passport|passports|dokumen|documents?|papers|majikan|employer|dihantar|dikirim|"
    r"diberangkatkan|diambil|dijemput|berangkat|sent|shipped|picked|collected|kapal|bot|boat|flight|haruka|"
    r"pasaporte|vistu|dokumentu|ba|sai|pergi|pigi|go|leave|fly|terbang)|"
    # An agency keeping recruits in its training centre or dormitory: "PT X is holding 25 women in their training
    # centre", "calon PMI ditampung di BLK".
    r"(?:agency|agensi|agen|ejen|pt|perusahaan|company|syarikat|calo|sponsor|ajente|kompa[nñ]ia|recruiter|pjtki|p3mi)\b"
    r"[^.!?\n]{0,80}?\b(?:holding|holds|held|keeping|keeps|kept|housing|houses|ditampung|menampung|tampung|"
    r"menempatkan|ditempatkan|rai|tau)\s+(?:[\w']+\s+){0,5}?(?:in|at|di|iha|kat|dalam)\s+(?:the\s+|their\s+|its\s+|a\s+)?"
    r"(?:[\w-]+\s+)?(?:blk|balai\s+latihan|training\s+(?:centre|center|camp)|asrama|dormitory|dorm|hostel|mess|camp|kem|"
    r"house|rumah|uma|centre|center)\b|"
    # Now at an agent's place, or waiting there: "sekarang dia kat rumah ejen tunggu kerja".
    r"(?:sekarang|skrg|kini|now|agora|masih|still|hela|tinggal|duduk|tidur|stay\w*)\s+(?:[\w']+\s+)?(?:di|kat|at|iha|in)\s+"
    r"(?:the\s+)?(?:rumah|uma|house|mess|tempat|place|asrama)\s+(?:milik\s+|punya\s+|pung\s+)?(?:ajente|agen|ejen|calo|"
    r"sponsor|tekong|agent's|broker's|recruiter's|perekrut|tauke)\b|"
    r"(?:rumah|uma|house|mess)\s+(?:ajente|agen|ejen|calo|sponsor|tekong|perekrut|tauke)(?:\s+nian)?\s+(?:[\w']+\s+){0,2}?"
    r"(?:tunggu|menunggu|hein|waiting|wait)\b|"
    # Staying at an agent's place: "hela iha uma ajente nian", "nginap di rumah calo", "staying at the agent's house".
    r"(?:tinggal|menginap|nginap|tidur|hela|toba|stay\w*|living|lives|duduk|ditampung|dititip)\s+(?:di|iha|at|in|kat|"
    r"dekat|sementara\s+di)\s+(?:the\s+)?(?:rumah|uma|house|mess|tempat|place|asrama|hostel)\s+(?:milik\s+|punya\s+|"
    r"pung\s+)?(?:ajente|agen|ejen|calo|sponsor|tekong|agent's|broker's|recruiter's|perekrut|tauke)\b)\b"
)

DEBT = rx(
    r"\b(?:(?:ber|ter)?h?utang(?:nya)?|terjerat\s+h?utang|debts?|indebted|owes?|owed|tusan|deve|d[ií]vida|"
    r"ganti\s+(?:rugi|biaya|ongkos)|bayar\s+(?:kembali|balik|ganti)|tebus|ditebus|uang\s+tebusan|"
    r"potong\s+gaji|gaji\w*\s+(?:[\w']+\s+){0,5}?(?:di)?potong|kasbon|deduct(?:ed|ions?|s)?|pay\s+(?:it\s+)?back|repay|"
    r"(?:bayar|pay|selu)\s+(?:balik\s+)?(?:kos|cost|costs|biaya|ongkos|bilete)\s+(?:perjalanan|tiket|travel|tiha)?|"
    r"koa\s+(?:[\w'-]+\s+){0,3}?sal[aá]riu|(?:deducts?|deducted|cuts?)\s+(?:[\w']+\s+){0,3}?(?:salary|wages?|pay))\b"
)

_WAGE = r"(?:gaji|gajinya|upah|upahnya|bayaran|salary|salaries|wages?|pay|sal[aá]ri[ou])"
UNPAID = rx(
    r"\b(?:" + _WAGE + r"(?:\s+[\w']+){0,4}?\s+" + NOT + r"\s+(?:pernah\s+|juga\s+|mau\s+|lagi\s+)?"
    r"(?:di|ter)?(?:bayar|bayarkan|kasih|kasi|terima|dapat|dapa|paid|given|received|keluar)|"
    r"(?:tidak|tdk|tak|belum|blm|sonde|son|ga|gak|nggak|never|haven't|hasn't|didn't|not|without|la)\s+"
    r"(?:pernah\s+)?(?:di|ter)?(?:bayar|dapat|dapa|terima|dikasih|kasih|kasi|paid|receive[ds]?|get|got|been\s+paid|"
    r"selu|hetan|simu)\s+(?:[\w']+\s+)?" + _WAGE + r"|la\s+selu\s+(?:nia|sira|ha'u|ami)\b|"
    r"(?:tidak|tdk|tak|belum|blm|sonde|son|ga|gak|nggak|never)\s+(?:pernah\s+)?(?:di)?gaji|tak\s+bergaji|"
    r"belum\s+gajian|gaji\w*\s+(?:[\w']+\s+){0,3}?(?:di)?tahan|kerja\s+tanpa\s+(?:gaji|upah|bayaran)|unpaid|"
    r"(?:work|servisu|kerja)\s+(?:[\w']+\s+){0,3}?(?:without\s+(?:a\s+)?salary|la\s+ho\s+(?:sal[aá]riu|osan))|"
    r"(?:not|never)\s+(?:been\s+)?paid|no\s+(?:salary|wages?|pay)|without\s+pay|"
    r"(?:wages?|salary)\s+(?:withheld|held\s+back)|withh(?:eld|olding)\s+(?:her|his|their|my)?\s*(?:wages?|salary))\b"
)

_DOC = (
    r"(?:paspor|pasport|passport|passports|pasfor|paspot|pasportnya|paspornya|pasaporte|ktp|e-ktp|ektp|ic|mykad|ijazah|akta|"
    r"dokumen|dokumentu|documents?|papers|id\s+card|kad\s+pengenalan|permit|lisensa(?:\s+servisu)?|work\s+permit|"
    r"kartaun(?:\s+identidade)?)"
)
_HOLD = (
    r"(?:ditahan|tahan|menahan|disita|sita|menyita|diambil|ambil|mengambil|dirampas|rampas|disimpan|simpan|"
    r"menyimpan|dipegang|pegang|memegang|dikuasai|taken|took|take|held|hold|holds|holding|keeps?|kept|"
    r"confiscated?|seized|withheld|retained|rai|foti|kaer)"
)
DOC_THEN_HOLD = rx(r"\b" + _DOC + r"\b((?:\s+[\w']+){0,3}?)\s+" + _HOLD + r"\b")
HOLD_THEN_DOC = rx(r"\b" + _HOLD + r"\b((?:\s+[\w'-]+){0,3}?)\s+" + _DOC + r"\b")
COLLECTED_IDS = rx(
    r"\b(?:ema\s+nia|ema\s+sira\s+nia|orang-orang|orang2|warga|penduduk|people's|everyone's|semua\s+orang|orang\s+muda|"
    r"orang\s+kampung|orang)\b.*\b(?:ktp|e-ktp|ektp|ic|kad\s+pengenalan|id\s+cards?|kartaun(?:\s+\w+)?|kk)\b|"
    r"\b(?:ktp|e-ktp|ektp|ic|kad\s+pengenalan|id\s+cards?|kartaun(?:\s+\w+)?|kk)\s+(?:[\w']+\s+)?(?:ema|orang|"
    r"orang-orang|warga|penduduk|people|everyone|semua)\b|"
    # Passports of people in general, not of someone in particular: "foti ema nia pasaporte", "people's passports".
    r"\b(?:ema\s+nia|ema\s+sira\s+nia|people's|everyone's|orang-orang|orang2|semua\s+orang|orang\s+kampung|warga)\s+"
    r"(?:[\w']+\s+)?(?:paspor|pasport|passport|passports|pasaporte)\b|"
    r"\b(?:paspor|pasport|passports|pasaporte)\s+(?:orang-orang|orang2|warga|semua\s+orang|people|everyone|ema\s+sira)\b"
)
DOC_WITH = rx(
    r"\b" + _DOC + r"(?:\s+[\w']+){0,3}?\s+(?:ada\s+|masih\s+)?(?:di|pada|sama|dengan|with|at|by|iha|kat|dekat|ngan)\s+"
    r"(?:the\s+)?(?:agen|agent|majikan|bos|boss|employer|tekong|calo|perusahaan|company|pt|sponsor|dong|dorang|"
    r"mereka|ejen|ajente|patraun)\b"
)
DOC_OWNER = rx(
    r"\b(?:agen|agent|majikan|bos|boss|employer|tekong|calo|company|perusahaan|sponsor|they|dong|dorang|mereka|ejen)\s+"
    r"(?:still\s+|masih\s+)?(?:has|have|got|punya)\s+(?:[\w']+\s+){0,2}?" + _DOC + r"\b"
)
OWN_DOCS = rx(r"^\s*(?:[\w']+\s+)?(?:sendiri|myself|herself|himself|themselves|ourselves)\b")

CHILD_WORDS = rx(
    r"\b(?:(?:anak\s+)?di\s*bawah\s+umur|bawah\s+umur|underage|under[- ]age|under\s+18|di\s*bawah\s+18|"
    r"belum\s+(?:cukup\s+umur|dewasa|18)|blm\s+cukup\s+umur|minors?|child|children|kids?|"
    r"anak\s+kecil|ana\s+kecil|nona\s+kecil|masih\s+kecil|kanak-kanak|budak-budak|"
    r"budak\s+(?:kecil|bawah\s+umur|sekolah|perempuan|lelaki|pompuan|laki|tu|ni|itu|ini|tersebut|berumur|berusia|"
    r"umur|baru)|(?=seorang|sorang|dua|tiga|\d|ada)(?<!seperti\s)(?<!bagai\s)(?<!jadi\s)(?:seorang|sorang|dua|tiga|\d+|ada)\s+budak\b|"
    r"(?:nampak|macam|look\w*\s+like)\s+(?:macam\s+)?budak(?:\s+lagi|\s+sekolah|\s+kecil)?|budak\s+lagi|"
    r"masih\s+(?:sd|smp|sma|smk|sekolah|skolah|anak-anak)|anak\s+(?:sd|smp|sekolah)|"
    r"(?:siswa|siswi|murid|pelajar)\s+(?:sd|smp|sma|smk|sekolah)|(?:kelas|kls|klas)\s+(?:\d{1,2}|x|xi|xii|satu|dua|tiga)\s*"
    r"(?:sd|smp|sma|smk)|junior\s+high|primary\s+school|elementary\s+school|middle\s+school|"
    r"anak\s+(?:sma|smk)|tingkatan\s+[1-5]|sekolah\s+rendah|"
    r"(?:ana|nona|cewek|cewe|gadis|girls?|boys?|budak|labarik)\s+(?:sd|smp)\b|"
    r"(?:baru\s+)?(?:tamat|lulus|tamatan|lulusan)\s+(?:sd|smp)|schoolgirls?|schoolboys?|still\s+in\s+school|"
    r"(?:seragam|baju)\s+(?:sekolah|sd|smp|sma|smk|putih\s+(?:merah|biru|abu))|school\s+uniforms?|uniforme\s+eskola|"
    r"(?:masih|yang|yg)\s+(?:kecil|kecik)(?:\s+lagi)?|kecik\s+lagi|budak\s+kecik|"
    r"labarik(?:-feto|-mane|\s+feto|\s+mane)?|menor(?:\s+de\s+idade)?|remaja|abg|bocah|gadis\s+kecil|"
    r"siswi|siswa|murid|pelajar|estudante|"
    r"teen(?:age|ager|agers)?|little\s+(?:girl|boy)|oan\s+kiik|"
    r"(?:umur|usia)(?:nya)?\s+(?:\w+\s+)?(?:di)?(?:palsu|tua)kan|(?:palsukan|tuakan)\s+umur|age\s+(?:was\s+)?falsified)\b"
)
AGE_LABELLED = rx(
    r"\b(?:umur|umurnya|umur\s+dia|umr|usia|usianya|berumur|berusia|umor|age|aged|idade)\s*:?\s*"
    r"(?:baru\s+|masih\s+|only\s+|just\s+|dalam\s+|sekitar\s+|kira-kira\s+|kira2\s+|lebih\s+kurang\s+|about\s+|"
    r"around\s+|approximately\s+|roughly\s+|maybe\s+)?" + NUM + r"\b"
)
# "my niece, 15, has been...", "adik saya Maria, 16, dibawa": an age set off by commas after a relative or a child.
AGE_APPOSITION = rx(
    r"\b(?:niece|nephew|daughter|son|sister|brother|girl|boy|cousin|child|kid|anak|ana|adik|ade|adek|nona|keponakan|"
    r"ponakan|sepupu|budak|labarik|oan|alin|subrinha|subrinhu|primu|prima)(?:[-\s]+[\w']+)?\s*,\s*(\d{1,2})\s*(?:,|\.|\)|$)"
)
# "3 girls about 15-16", "budak lelaki dalam 14": an age after a child.
AGE_PERSON = rx(
    r"\b(?:girls?|boys?|kids?|children|daughters?|sons?|teens?|nona|nona2|anak|ana|budak|cewek|labarik)\s+(?:aged\s+|about\s+|"
    r"around\s+|approx\w*\s+|roughly\s+|maybe\s+|sekitar\s+|kira-kira\s+|kira2\s+|lebih\s+kurang\s+|dalam\s+)(\d{1,2})\b"
)
AGE_YEARS = rx(r"\b" + NUM + r"\s*(?:tahun|thn|th|taun|thun|tahunan)\b")
AGE_EN = rx(r"\b" + NUM + r"[\s-]*(?:yo|y/o|y\.o\.?|yrs?[\s-]+old|years?[\s-]+old|yr[\s-]+old|years?\s+of\s+age)(?!\w)")
# "she is 16", "he's only 15": an age when nothing measured follows.
AGE_IS = rx(
    r"\b(?:is|was|turns|turned|she's|he's)\s+(?:only\s+|just\s+|barely\s+)?(\d{1,2})\b"
    r"(?!\s*(?:%|kg|km|hours?|minutes|days|weeks|months|people|persons|men|women|million|thousand|ringgit|rm|usd|"
    r"dollars|jam|juta|orang))"
)
# "Anak saya (17)", "my cousin (25)": an age in brackets after a person.
AGE_BRACKETS = rx(r"\((\d{1,2})\)")
# "a girl of 15"
AGE_OF = rx(r"\b(?:girl|boy|child|kid|daughter|son|nona|anak)\s+of\s+(\d{1,2})\b")
# Tetun "tinan 16" is an age; "tinan 2 ona", "servisu tinan 5" are durations.
AGE_TINAN = rx(r"\btinan\s+" + NUM + r"\b(?!\s+(?:ona|liuba|kotuk|tan)\b)")
TINAN_DURATION_BEFORE = frozenset({"servisu", "hela", "durante", "kontratu", "iha", "loron", "fulan", "during"})
# "kontrak 2 tahun", "sudah 5 tahun di Malaysia": a number of years that is a duration, not an age.
DURATION_BEFORE = wordset(
    """
    kontrak selama sudah sdh su udah telah lebih hampir kerja bekerja sejak masa tinggal for dipenjara penjara
    hukuman tiap setiap per pada dalam sampai hingga dari lamanya lama over about nearly kurang
    """
)
DURATION_AFTER = rx(r"^\s*(?:lalu|yang\s+lalu|yg\s+lalu|lagi|kerja|kontrak|terakhir|ago|di\s+(?!bawa)|lepas)")

# An age of 18 or more, however written ("umur 19", "20 thn", "tinan 22", "19-year-old", "(25)"): a grown-up.
_ADULT = r"(1[89]|[2-9]\d)"
ADULT_AGE = rx(
    r"\b(?:(?:umur|umurnya|usia|usianya|berumur|berusia|umor|age|aged|idade|tinan)\s*:?\s*(?:baru\s+|sudah\s+|su\s+|dah\s+|"
    r"already\s+|about\s+|sekitar\s+)?"
    + _ADULT
    + r"\b|"
    + _ADULT
    + r"\s*(?:tahun|thn|th|taun|thun)\b|"
    + _ADULT
    + r"[\s-]*(?:yo|y/o|yrs?[\s-]+old|years?[\s-]+old|yr[\s-]+old)(?!\w)|(?:is|she's|he's|turned)\s+"
    + _ADULT
    + r"\b(?!\s*(?:%|kg|km|hours?|minutes|days|weeks|months|people|persons|men|women))|eighteen|nineteen|twenty)|"
    r"\(" + _ADULT + r"\)|,\s*" + _ADULT + r"\s*,"
)

# Words of moving someone: next to a time word they make a departure.
MOVE = rx(
    r"\b(?:berangkat|brangkat|barangkat|brangkt|berangkatkan|diberangkatkan|pergi|pigi|pi|jalan|dibawa|bawa|"
    r"di\s+bawa|diantar|antar|dikirim|kirim(?!\s+(?:pesan|sms|wa|uang|doi|foto|kabar|surat))|dijemput|jemput|"
    r"terbang|naik|kapal|pesawat|feri|tiket|boarding|menyeberang|menyeberangkan|diseberangkan|nyebrang|nyeberang|"
    r"dipindah(?:kan)?|pindah|dihantar|hantar|bertolak|berlepas|keluar\s+dari|muat|dimuat|angkut|diangkut|mengangkut|"
    r"ke\s+(?:bandara|pelabuhan|malaysia|batam|luar)|go|going|goes|gone|went|leave|leaving|leaves|left|depart\w*|"
    r"fly|flying|flew|flight|ship|boat|ferry|port|airport|harbou?r|take|takes|taking|taken|took|bring|bringing|"
    r"moved|moving|sent|sending|shipped|transported|picked\s+up|pick\s+(?:her|him|them|up)|put\s+on|cross\w*|"
    r"travel\w*|lori|sai|sa'e|ró|aviaun|haruka|hakat|foti|ba)\b"
)
# Leaving or being taken, when said as done: "sudah berangkat", "dibawa", "left", "was taken", "ba ona".
DEPARTED = rx(
    r"\b(?:(?:sudah|sdh|udah|udh|su|telah|dah)\s+(?:[\w']+\s+)?(?:berangkat|barangkat|brangkat|pergi|pigi|pi|jalan|"
    r"dibawa|di\s+bawa|dikirim|dihantar|terbang|naik|menyeberang|nyebrang|bertolak|keluar|ikut|lari|kabur|sampai|sampe|"
    r"tiba|mendarat)|(?:has|have|had|already|just)\s+(?:arrived|landed)|to'o\s+ona|"
    r"(?:di|dong|dorang|dia|de|mereka|calo|sponsor|agen|ejen)\s*bawa(?:\s+(?:pergi|pi|lari|kabur))?|"
    r"dibawa|dikirim|dihantar|diberangkatkan|ame\s+bawa|dijemput|diajak\s+pergi|dibawa\s+pergi|"
    # Gone and not heard of: a child missing after leaving with someone is gone.
    r"(?:tidak|tdk|belum|blm|sonde|tak|never|hasn't|has\s+not|didn't|la)\s+(?:pulang|balik|kembali|come\s+home|"
    r"came\s+home|returned|fila)\s+(?:ke\s+|ba\s+)?(?:rumah\s+|uma\s+|home\s+)?(?:sejak|since|dari|desde|dezde)|"
    # Not back until now: "sampai sekarang tak balik", "to'o agora la fila", "still hasn't come home".
    r"(?:sampai|sampe|hingga|till|until|to'o|sehingga)\s+(?:sekarang|skrg|skarang|kini|now|agora|hari\s+ini|ohin)\s+"
    r"(?:[\w']+\s+)?(?:tak|tidak|tdk|belum|blm|sonde|not|la|seidauk|haven't|hasn't|never)\s+(?:pulang|balik|kembali|"
    r"fila|come\s+(?:back|home)|came\s+(?:back|home)|returned)|"
    r"(?:tak|tidak|tdk|belum|blm|sonde|la|seidauk)\s+(?:pulang|balik|kembali|fila)\s+(?:[\w']+\s+)?(?:sampai|sampe|"
    r"hingga|to'o|sehingga)\s+(?:sekarang|skrg|skarang|kini|agora|hari\s+ini|ohin)|"
    r"(?:still\s+)?(?:hasn't|has\s+not|haven't|have\s+not)\s+(?:come\s+(?:back|home)|returned)|"
    # Went off on a vehicle or with a man: "ikut lori sawit ke Keningau", "nae oto travel deng laki2".
    r"(?:ikut|ikot|iko|naik|nae|numpang|tumpang|sae)\s+(?:[\w']+\s+)?" + _VEHICLE + r"|"
    r"(?:pergi|pigi|pi|ikut|ikot|iko|lari|kabur|went|left|ran\s+off|sai|ba|halai)\s+(?:[\w']+\s+){0,6}?(?:dengan|deng|"
    r"sama|bersama|with|ho)\s+(?:seorang\s+|sorang\s+|satu\s+|a\s+|an\s+|some\s+|ida\s+)?(?:pakcik|paman|om|"
    r"lelaki|laki2|laki-laki|orang\s+asing|orang\s+tak\s+dikenal|stranger|man|men|mane|ema\s+foun)\b|"
    r"hilang(?:\s+kontak)?|menghilang|went\s+missing|is\s+missing|"
    r"lost\s+contact|lakon|dijual\s+(?:ke|kepada|to)|sold\s+(?:to|off)|fa'an\s+(?:nia|sira)\s+ba|"
    r"(?:lari|kabur|minggat|halai|ran\s+off|ran\s+away|eloped|went\s+off)\s+(?:ikut|sama|dengan|deng|ho|with|bersama)|"
    # Ran away from home or from an employer: gone from home ("nona kecil ... kabur dari rumah majikan").
    r"(?:kabur|lari|melarikan\s+diri|minggat|ran\s+away|escaped|fled|halai)\s+(?:dari|from|husi|hosi)\s+(?:the\s+|her\s+|"
    r"his\s+)?(?:rumah|home|majikan|employer|agen|ejen|agent|boss|bos|tempat\s+kerja|uma|patraun|ajente)|"
    r"(?:ikut|iko|follow(?:ed)?|went\s+with|left\s+with|leave\s+with|ba\s+ho|sai\s+ho|pergi\s+(?:dengan|bersama|sama)|"
    r"pigi\s+deng|pi\s+deng)\s+(?:[\w']+\s+)?(?:ejen|agen|agent|calo|sponsor|"
    r"ajente|tekong|broker|recruiter|om|lelaki|laki2|laki-laki|a\s+man|mane)|"
    r"(?:berangkat|barangkat|brangkat|bertolak|pergi|pigi)\s+(?:tadi|kemarin|kemaren|kamarin|semalam|malam\s+tadi)|"
    # Went along with someone to a place: "dia ikut tante ke Denpasar kerja di warung", "iko om pi Batam".
    r"(?:ikut|ikot|iko|ikutan|mengikut|followed|went\s+with|tuir)\s+(?:[\w']+\s+){1,2}?(?:ke|pi|pigi|to|ba)\s+(?=\w)|"
    r"left|went|(?:was|were|been|got|already|is|are)\s+(?:taken|sent|moved|brought|trafficked|shipped)|"
    r"took\s+(?:her|him|them)|"
    r"(?:has|have|had)\s+(?:gone|left|crossed)|is\s+gone|"
    r"(?:ba|sai|lori|haruka|hakat)\s+(?:tiha\s+)?ona|(?:lori|haruka)\s+(?:nia|sira|ha'u|ami))\b"
)
# Being somewhere away now (with a place outside NTT in the same sentence): "kerja di Malaysia", "servisu hela iha".
AWAY_NOW = rx(
    r"\b(?:kerja|bekerja|tinggal|berada|working|works|lives|living|stays|staying|servisu|serbisu|hela|is\s+in|"
    r"is\s+at|been\s+on|been\s+in|skrg\s+di|sekarang\s+di|skarang\s+di|masih\s+di|ada\s+di|sudah\s+di|su\s+di)\b"
)

# Someone staying days at someone else's place: away from home even inside NTT ("sudah 3 hari di rumah seorang ibu
# di Kupang", "been at the agent's house for a week", "hela loron tolu ona iha uma ajente").
STAYING_AWAY = rx(
    r"\b(?:(?:sudah|su|sdh|dah|udah|telah|already|been|has\s+been|have\s+been|hela)\s+(?:[\w']+\s+)?(?:\d+|satu|dua|tiga|"
    r"empat|lima|beberapa|se|a|one|two|three|four|five|several|a\s+few|ida|rua|tolu|haat|lima)\s*(?:hari|minggu|"
    r"bulan|days?|weeks?|months?|loron|semana|fulan)\s+(?:ona\s+)?(?:di|kat|at|in|iha|dekat)\s+(?:the\s+|a\s+)?"
    r"(?:rumah|tempat|house|place|uma|mess|asrama|hostel|hotel|penginapan|losmen|kos|guesthouse)\b"
    r"(?!\s+(?:sendiri|kami|saya|beta|sa|kita|own|our|my|ami|ha'u|ita|kampung|desa)\b)|"
    r"(?:di|kat|at|in|iha)\s+(?:the\s+|a\s+)?(?:[\w]+'s\s+)?(?:rumah|tempat|house|place|uma|mess|asrama|hostel|hotel|"
    r"penginapan|losmen|kos|guesthouse)\s+(?:[\w']+\s+){0,4}?(?:sudah|su|sdh|dah|for|since|dezde|sejak)\s+(?:\d+|satu|"
    r"dua|tiga|empat|lima|beberapa|se|a|one|two|three|four|five|several|a\s+few|ida|rua|tolu|haat)?\s*(?:hari|minggu|"
    r"days?|weeks?|loron|semana)\b)"
)
# "Our village": a particular place in a report ("budak-budak dari kampung kami"), but only where the asker lives in a
# question ("di kampung kami banyak calo, bagaimana lapor?").
OWN_PLACE = rx(
    r"\b(?:kampung|kampong|desa|dusun|village|suku|aldeia|kota)\s+(?:kami|saya|sy|beta|sa|katong|ami|ha'u|our|my)\b"
)
# Living at an employer's house, wherever it is: away from home ("hela iha uma patraun nian iha Atambua").
AT_AN_EMPLOYERS = rx(
    r"\b(?:hela|tinggal|live|lives|living|stay\w*|duduk|kerja|bekerja|servisu|works?|working)\s+(?:iha|di|at|in|kat|with|ho|"
    r"dengan|dekat)\s+(?:the\s+|a\s+)?(?:uma|rumah|house|home)\s+(?:[\w']+\s+)?(?:patraun|majikan|employer|employers|"
    r"bos|boss|tauke|taukeh|madam|juragan|tuan)\b|\blive-in\s+(?:maid|helper|worker)"
)
# A place pointed at: "kilang papan dekat Sibu tu", "rumah itu", "the farm next door".
DEICTIC_PLACE = rx(
    r"\b(?:(?:rumah|uma|kamar|rumah\s+makan|warung|mess|asrama|kampung|desa|house|room|place|kilang|pabrik|ladang|kebun|"
    r"estate|farm|factory|site|tapak|kapal|bot|boat|restoran|restaurant|kedai|toko|hotel|gudang|warehouse|karaoke|bar|"
    r"salon|spa|to'os|fatin)\s+(?:[\w']+\s+){0,3}?(?:itu|ini|tu|ni|sebelah|ne'?e|ne'ebá|ne'eba|there|next\s+door|"
    r"across\s+the\s+road)|di\s+(?:sini|situ|sebelah)|next\s+door|this\s+house|that\s+house)\b"
)
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

# Words that follow "PT" without naming a company: "itu PT sekarang su tutup", "PT yang resmi".
_NOT_A_NAME = (
    r"(?:sekarang|skrg|itu|ini|tersebut|tsb|yang|yg|resmi|swasta|apa|mana|tutup|sudah|su|dah|dia|de|di|ke|dari|nya|"
    r"ni|tu|dan|atau|ko|ka|kah|lain|mana-mana|tadi|baru|besar|kecil|itu|the|that|this|a|an|is|was|which|ne'e|ne'ebá)"
)
_KIN = (
    r"(?:adik|ade|adek|anak|ana|kakak|kaka|kak|abang|om|mama|ibu|bapa|bapak|ayah|tanta|tante|paman|bibi|opa|oma|"
    r"teman|kawan|sepupu|ponakan|keponakan|istri|isteri|suami|laki|bini|nenek|kakek|cucu|saudara|sodara|"
    r"anak\s+buah|jiran|tetangga|nona|nyong)"
)
# "beta pung pendapat", "sa pung hp": what someone has, not who.
_NOT_A_PERSON = (
    r"(?:pendapat|pandangan|pikiran|usul|saran|harapan|pertanyaan|tanya|hp|handphone|nomor|nomer|no|uang|doi|pesan|"
    r"cerita|info|informasi|mau|maksud|hati|rasa|takut|urusan|masalah|kampung|desa|rumah|tanah|kebun)"
)
PERSON = rx(
    r"\b(?:" + _KIN + r"(?:ku|nya|\s+(?:saya|sy|sa|beta|kami|dia|de|mereka|itu|jiran\s+saya))|"
    r"(?:beta|sa|saya|sy)\s+(?:pung|punya)\s+(?!"
    + _NOT_A_PERSON
    + r"\b)\w+|tetangga|jiran|nona\s+tetangga|anak\s+tetangga|"
    r"namanya|nama\s+dia|bernama|"
    r"my\s+(?:little\s+|younger\s+|older\s+|big\s+)?(?:sister|brother|daughter|son|mother|father|mum|mom|dad|wife|"
    r"husband|cousin|friend|neighbou?r|niece|nephew|aunt|uncle|child|kid|neighbour's\s+\w+)|neighbou?rs?|"
    r"named|called|"
    r"(?:ha'u|ami)-?\s*nia\s+(?!(?:opiniaun|hanoin|pergunta|perguntas|uma|knua|suku|aldeia|osan|telefone|hp)\b)[\w'-]+|"
    r"viziñu|vizinu|naran|"
    r"(?:alin|maun|mana|primu|prima|subrinha|subrinhu|laen|feen|oan|tiu|tia|kolega)(?:-feto|-mane)?\s+(?:ha'u|nia)|"
    r"(?<!ita-)(?<!ita\s)nia\s+(?:oan|alin|maun|mana|feen|laen|inan|aman|primu|prima)(?:-feto|-mane)?|"
    r"\d+\s+(?:orang|org|nona|perempuan|laki|anak|people|girls|women|men|boys)|na'in\s+(?:rua|tolu|haat|lima|neen|"
    r"hitu|ualu|sia|sanulu|\d+)|"
    # A company named outright ("PT Maju Jaya") is as specific as a person.
    r"(?:pt|cv|syarikat)\.?\s+(?!" + _NOT_A_NAME + r"\b)[a-z]\w+)\b"
)
# A person named with a title: "Om Yos", "Pak Markus", "Encik Rahman", "Tiu Markus" (checked on the original case).
TITLED_NAME = re.compile(
    r"\b(?:[Oo]m|[Pp]ak|[Bb]apak|[Bb]u|[Ii]bu|[Mm]ama|[Tt]anta|[Kk]aka|[Ee]ncik|[Cc]ik|[Tt]iu|[Tt]ia|Mr|Mrs|Ms|Mister|"
    r"[Bb]ang|[Kk]ak|[Nn]ama|[Nn]amanya|[Nn]aran|called|named)\.?\s+[A-Z][a-z]{2,}"
)
