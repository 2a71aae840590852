"""Word lists that say whether a question is about working abroad, migration or trafficking at all (domain.py),
and which of its words name a place (index.py weighs a place as the setting, not the subject).

Plain data, like lexicon.py: words in lower case without accents, as the matcher reads them.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Is a question about working abroad, migration or trafficking at all? The knowledge base answers only that, and a
# question about a motorbike loan, a holiday visa or a school must not get one of its articles as a confident
# answer (see domain.py). Words are read as written and as their synonym group or stem.
# Words that are the domain by themselves:
DOMAIN_STRONG: frozenset[str] = _words(
    """
    pmi luarnegeri p3mi sip3mi calo agen majikan ltsa disnaker bp2mi bp3mi p4mi siskop2mi tppo joborder plks
    jalurtikus selundup deportasi opp g2g eps rekrut safetravel eksploitasi kurung darurat migran tampung paksa
    nunukan entikong tawau
    traballador cpmi ktkln kp2mi moratorium spsk sp2t ocs kdei bpjs blk lpk jamsostek penempatan placement
    """
)
# Words of the domain that everyday questions use too; one of them is enough unless the closest topic is one of
# CONTEXT_TOPICS (domain.py).
DOMAIN_KINDS: dict[str, frozenset[str]] = {
    "work": _words(
        """kerja work job servisu serbisu gaji lowongan kontrak pekerja worker bekerja karyawan buruh employ
        employment pabrik kilang fabrika factory prt pembantu maid caregiver
        perawat pengasuh abk nelayan konstruksi"""
    ),
    "place": _words(
        """malaysia kamboja taiwan hong kong hongkong jepang jepun japan japaun korea korsel arab saudi arabia
        singapura singapore brunei dubai qatar kuwait oman uea sabah sarawak johor kuala timur tengah
        kinabalu kuching sandakan lumpur penang lahad"""
    ),
    "move": _words("pergi berangkat pulang kirim kabur halai"),
    "papers": _words("paspor visa dokumen ktp kk akte izin imigrasi sertifikat sehat syarat umur latih kompetensi"),
    "recruiter": _words("perusahaan lisensi lowongan"),
    "money": _words("biaya bayar uang utang potong tiket"),
    "harm": _words("lapor bantu polisi korban tahan palsu tanda hukum anonim kbri konsulat kedutaan ilegal legal"),
}
# Word pairs that name something outside the domain although each word is in it: "BPJS Kesehatan" is health
# insurance, not the workers' social security (BPJS Ketenagakerjaan). Neither word then counts as the domain.
OFF_DOMAIN_PAIRS: frozenset[tuple[str, str]] = frozenset(
    [("bpjs", "kesehatan"), ("bpjs", "sehat"), ("bpjs", "kesihatan"), ("bpjs", "health"), ("bpjs", "kis")]
)
# Names of places: a destination or a home district in a question is usually where, not what, the question is about
# ("im 38, can i still apply to work in taiwan"), so it weighs less than the words that say what is asked.
PLACE_NAMES: frozenset[str] = DOMAIN_KINDS["place"] | _words(
    """kupang ntt sumba flores maumere sikka ende atambua belu soe tts ttu alor rote sabu larantuka waingapu bajawa
    ruteng manggarai lembata malaka kefamenanu oelamasi dili timor surabaya jakarta batam"""
)
# Places at home (NTT and Timor-Leste): a job or a wage named with one of these and nothing of abroad, of a company or
# of someone taking people away is a local job ("lowongan kasir di kupang", "upah minimum provinsi NTT"). Jakarta,
# Surabaya and Batam are left out: work there is migration from NTT, and trafficking's first stop.
HOME_PLACES: frozenset[str] = PLACE_NAMES - DOMAIN_KINDS["place"] - _words("surabaya jakarta batam") | _words(
    "oebobo bajo tenau bolok"
)
# Where people from NTT go for work inside Indonesia, and trafficking takes them: work there is migration, not a
# local job.
MIGRATION_DESTINATIONS: frozenset[str] = _words("surabaya jakarta batam bali medan kalimantan papua")
# Someone offering, promising, taking or fetching: recruitment, even for a job at home or with an everyday subject
# beside it ("nona 15 taun ditawari kerja di kupang", "he promised her a job in Bali, they left by ferry"), as
# written or as its stem ("bawa" and Tetun "lori" are left out: "bawa apa saja" is what to bring).
RECRUITING: frozenset[str] = _words(
    """tawar ditawari ditawarkan offer offered offers oferta janji dijanjikan promise promised promis promete promet
    promesa dibawa taken jemput ajak diajak"""
)
# A holiday or a pilgrimage, not migration: with none of the "work" words, a question with one of these is about
# travel ("pasport untuk pergi umrah").
LEISURE: frozenset[str] = _words(
    """liburan berlibur bercuti percutian holiday holidays vacation pasiar pesiar honeymoon raya lebaran natal
    christmas wisata jalan2 umroh"""
)
# Everyday subjects the knowledge base never answers, which near-miss questions wrap in the domain's words (a
# country, "kerja", "visa", "tiket"): the weather in Kota Kinabalu, a football match against Malaysia, the ringgit's
# rate, a driving licence, a domestic ID card, school and study abroad, timetables, recipes and parcels. Blind set
# 3 and own batch 6 (README) showed the pattern; the words are the subjects' own, in the four languages, not those
# questions' wording. With one of them a question is in the domain only with a word that is the domain by itself or
# with work and a second kind of domain word (domain.py): "ferry ke tawau utk kerja tanpa paspor" stays.
OFF_SUBJECT: frozenset[str] = _words(
    """cuaca weather hujan ujan udan forecast ramalan banjir
    bola football futebol soccer sepak pertandingan perlawanan piala timnas stadion stadium liga konsert konser
    concert film anime drama nonton tonton
    kurs tukaran exchange kambiu
    memandu driving sim kondusaun jpj motosikal
    dukcapil capil mykad elektronik
    sekolah school kuliah universitas university beasiswa scholarship bolsa pelajar student eskola kampus
    mahasiswa undana
    jadwal jadual schedule orariu feri ferry pelni speedboat pesawat aviaun flight flights penerbangan
    resep resepi recipe hotel restoran kado hadiah birthday paket parcel ongkir kurier
    pns honorer tni feriadu attractions"""
)
# Border towns on the routes without papers: the domain by themselves ("lewat nunukan"), but only the setting of a
# ferry timetable or the weather (OFF_SUBJECT).
BORDER_TOWNS: frozenset[str] = _words("nunukan entikong tawau")
# Papers of civil life at home (ID card, family card, birth certificate): one of them alone is a question for the
# civil registry ("cara urus ktp yang hilang"); two or more are the list of documents for going.
CIVIL_PAPERS: frozenset[str] = _words("ktp kk akte")
GENERIC_PAPERS: frozenset[str] = _words("syarat dokumen")
# Work at home, not abroad: a local job, a civil servant's pay, the provincial minimum wage.
LOCAL: frozenset[str] = _words("tempatan lokal local dalamnegeri umk ump umr")
