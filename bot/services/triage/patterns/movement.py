"""Someone moving, gone or away from home, and places pointed at or called one's own."""

from __future__ import annotations

from bot.services.triage.lexicon import rx

# A vehicle someone goes off in or is pushed into (``harm.FORCE`` reads it too).
VEHICLE = (
    r"(?:car|cars|van|truck|vehicle|boat|bus|minibus|pickup|pick-up|lorry|taxi|ship|motorbike|motorcycle|mobil|oto|"
    r"truk|pikap|pick\s*up|angkot|bemo|travel|ojek|motor|motosikal|kereta|bas|bis|kapal|bot|karreta|kareta|kamioneta|"
    r"mikrolet|kamiaun|ró)"
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
    r"(?:ikut|ikot|iko|naik|nae|numpang|tumpang|sae)\s+(?:[\w']+\s+)?" + VEHICLE + r"|"
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
