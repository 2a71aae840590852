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
        singapura singapore brunei dubai qatar kuwait oman uea sabah sarawak johor kuala timur tengah"""
    ),
    "move": _words("pergi berangkat pulang kirim kabur halai"),
    "papers": _words("paspor visa dokumen ktp kk akte izin imigrasi sertifikat sehat syarat umur latih kompetensi"),
    "recruiter": _words("perusahaan lisensi lowongan"),
    "money": _words("biaya bayar uang utang potong tiket"),
    "harm": _words("lapor bantu polisi korban tahan palsu tanda hukum anonim kbri konsulat kedutaan ilegal"),
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
# A holiday or a pilgrimage, not migration: with none of the "work" words, a question with one of these is about
# travel ("pasport untuk pergi umrah").
LEISURE: frozenset[str] = _words(
    "liburan holiday holidays vacation pasiar pesiar honeymoon raya lebaran natal christmas wisata jalan2 umroh"
)
