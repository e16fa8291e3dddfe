#!/bin/sh
# encodings.sh: documents in legacy charsets. A document that is not
# UTF-8 is read in the charset uchardet names: Arabic in Windows-1256,
# Russian in Windows-1251, Hebrew, Greek, Thai, Japanese (Shift_JIS and
# EUC-JP), Chinese (GB18030 and Big5), Korean; Polish in Windows-1250
# and Turkish in Windows-1254, where Windows-1252 would give symbols
# inside words; French and German stay Windows-1252. Each must show
# exactly what its UTF-8 original shows, and the status line and --json
# say which charset was taken. UTF-8 with a few stray bytes stays UTF-8.
. "$top_srcdir/tests/lib.sh"
[ -n "$PYTHON3" ] || skip_all "python3 not found"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

"$PYTHON3" - "$tmp" <<'PY' || exit 1
import sys, os
d = sys.argv[1]
# Original sample texts (a short travel note and two comments each).
texts = [
 ('ar', 'cp1256', 'Windows-1256', "رحلة إلى المدينة القديمة\n\nوصلنا إلى المدينة القديمة في الصباح الباكر، وكانت الأسواق ما تزال مغلقة. مشينا في الأزقة الضيقة حتى وجدنا مقهى صغيرا يفتح أبوابه. قال صاحب المقهى إن المدينة بنيت قبل ألف عام، وإن سورها لم يتغير منذ ذلك الحين.\n\n3 تعليقات\n\n  1. مقال جميل جدا، شكرا لك على هذا الوصف.\n\n  2. زرت المدينة في الصيف ودفعت خمسة عشر دينارا للدخول.\n"),
 ('ru', 'cp1251', 'Windows-1251', "Поездка в старый город\n\nМы приехали в старый город рано утром, когда рынки ещё были закрыты. Мы долго шли по узким переулкам, пока не нашли маленькое кафе, которое как раз открывало двери. Хозяин сказал, что городу тысяча лет и что его стена не менялась с тех пор.\n\n3 комментария\n\n  1. Прекрасная статья, спасибо за описание.\n\n  2. Я был там летом, вход стоил пятнадцать динаров.\n"),
 ('el', 'iso8859_7', 'ISO-8859-7', "Ταξίδι στην παλιά πόλη\n\nΦτάσαμε στην παλιά πόλη νωρίς το πρωί, όταν οι αγορές ήταν ακόμη κλειστές. Περπατήσαμε στα στενά δρομάκια μέχρι που βρήκαμε ένα μικρό καφενείο που μόλις άνοιγε. Ο ιδιοκτήτης είπε ότι η πόλη χτίστηκε πριν από χίλια χρόνια.\n\n2 σχόλια\n\n  1. Ωραίο άρθρο, ευχαριστώ.\n\n  2. Ήμουν εκεί το καλοκαίρι.\n"),
 ('he', 'cp1255', 'Windows-1255', "טיול לעיר העתיקה\n\nהגענו לעיר העתיקה מוקדם בבוקר, כשהשווקים עוד היו סגורים. הלכנו בסמטאות הצרות עד שמצאנו בית קפה קטן שבדיוק פתח את דלתותיו. בעל הבית אמר שהעיר נבנתה לפני אלף שנה ושהחומה שלה לא השתנתה מאז.\n\n2 תגובות\n\n  1. מאמר יפה מאוד, תודה.\n\n  2. הייתי שם בקיץ.\n"),
 ('th', 'cp874', 'Windows-874', "การเดินทางไปเมืองเก่า\n\nเราไปถึงเมืองเก่าในตอนเช้าตรู่ ตลาดยังไม่เปิด เราเดินไปตามซอยแคบๆ จนพบร้านกาแฟเล็กๆ ที่เพิ่งเปิด เจ้าของร้านบอกว่าเมืองนี้สร้างขึ้นเมื่อพันปีก่อน\n\n2 ความคิดเห็น\n\n  1. บทความดีมาก ขอบคุณ\n\n  2. ฉันไปที่นั่นเมื่อฤดูร้อน\n"),
 ('ja', 'shift_jis', 'Shift_JIS', "古い町への旅\n\n私たちは朝早く古い町に着きました。市場はまだ閉まっていました。狭い路地を歩いて、ちょうど開店したばかりの小さな喫茶店を見つけました。店主は、この町は千年前に建てられ、城壁はそれ以来変わっていないと言いました。\n\n2件のコメント\n\n  1. とても良い記事ですね。ありがとう。\n\n  2. 夏に行きました。\n"),
 ('jae', 'euc_jp', 'EUC-JP', "古い町への旅\n\n私たちは朝早く古い町に着きました。市場はまだ閉まっていました。狭い路地を歩いて、ちょうど開店したばかりの小さな喫茶店を見つけました。店主は、この町は千年前に建てられ、城壁はそれ以来変わっていないと言いました。\n\n2件のコメント\n\n  1. とても良い記事ですね。ありがとう。\n\n  2. 夏に行きました。\n"),
 ('zh', 'gb18030', 'GB18030', "古城之旅\n\n我们一大早就到了古城，那时市场还没有开门。我们在狭窄的小巷里走了很久，终于找到一家刚刚开门的小咖啡馆。店主说，这座城市建于一千年前，城墙从那时起就没有变过。\n\n2 条评论\n\n  1. 很好的文章，谢谢。\n\n  2. 我夏天去过那里。\n"),
 ('tw', 'big5', 'Big5', "古城之旅\n\n我們一大早就到了古城，那時市場還沒有開門。我們在狹窄的小巷裡走了很久，終於找到一家剛剛開門的小咖啡館。店主說，這座城市建於一千年前，城牆從那時起就沒有變過。\n\n2 條評論\n\n  1. 很好的文章，謝謝。\n\n  2. 我夏天去過那裡。\n"),
 ('ko', 'euc_kr', 'EUC-KR', "옛 도시로의 여행\n\n우리는 아침 일찍 옛 도시에 도착했는데, 시장은 아직 문을 열지 않았다. 좁은 골목을 한참 걸은 끝에 막 문을 연 작은 찻집을 찾았다. 주인은 이 도시가 천 년 전에 세워졌고 성벽은 그 이후로 변하지 않았다고 말했다.\n\n2개의 댓글\n\n  1. 아주 좋은 글이네요. 감사합니다.\n\n  2. 여름에 가 봤어요.\n"),
 ('pl', 'cp1250', 'Windows-1250', "Podróż do starego miasta\n\nPrzyjechaliśmy do starego miasta wcześnie rano, kiedy targi były jeszcze zamknięte. Szliśmy wąskimi uliczkami, aż znaleźliśmy małą kawiarnię, która właśnie się otwierała. Właściciel powiedział, że miasto zbudowano tysiąc lat temu, a jego mur od tamtej pory się nie zmienił.\n\n2 komentarze\n\n  1. Świetny artykuł, dziękuję.\n\n  2. Byłem tam latem.\n"),
 ('tr', 'cp1254', 'Windows-1254', "Eski şehre yolculuk\n\nEski şehre sabah erkenden vardık, pazarlar henüz kapalıydı. Dar sokaklarda uzun süre yürüdük ve tam açılmakta olan küçük bir kahvehane bulduk. Sahibi şehrin bin yıl önce kurulduğunu ve surlarının o zamandan beri değişmediğini söyledi.\n\n2 yorum\n\n  1. Çok güzel bir yazı, teşekkürler.\n\n  2. Yazın oradaydım.\n"),
 ('fr', 'cp1252', 'Windows-1252', "Voyage dans la vieille ville\n\nNous sommes arrivés tôt le matin dans la vieille ville, quand les marchés étaient encore fermés. Nous avons marché dans les ruelles étroites jusqu’à trouver un petit café qui ouvrait à peine. Le patron a dit que la ville fut bâtie il y a mille ans.\n\n2 commentaires\n\n  1. Très bel article, merci.\n\n  2. J’y suis allé l’été dernier.\n"),
 ('de', 'latin1', 'Windows-1252', "Reise in die Altstadt\n\nWir kamen früh am Morgen in der Altstadt an, als die Märkte noch geschlossen waren. Wir liefen durch die engen Gassen, bis wir ein kleines Café fanden, das gerade öffnete. Der Wirt sagte, die Stadt sei vor tausend Jahren gebaut worden.\n\n2 Kommentare\n\n  1. Schöner Artikel, danke.\n\n  2. Ich war im Sommer dort.\n"),
 ('en', 'cp1252', 'Windows-1252', "A trip to the old town\n\nWe reached the old town early in the morning – the markets were still closed. We walked the narrow lanes until we found a small café that was just opening.\n\n2 Comments\n\n  1. Lovely piece, thanks.\n\n  2. I was there in summer.\n"),
]
with open(os.path.join(d, 'list'), 'w') as f:
    for name, enc, label, text in texts:
        open(os.path.join(d, name + '.utf8'), 'wb').write(text.encode('utf-8'))
        open(os.path.join(d, name + '.legacy'), 'wb').write(text.encode(enc))
        f.write('%s %s\n' % (name, label))
PY

while read -r name label; do
	"$GLOSS" --dump --width 100 "$tmp/$name.utf8" >"$tmp/$name.want" 2>&1
	"$GLOSS" --dump --width 100 "$tmp/$name.legacy" >"$tmp/$name.got" 2>&1
	cmp -s "$tmp/$name.want" "$tmp/$name.got"
	r=$?
	[ $r -ne 0 ] && diff "$tmp/$name.want" "$tmp/$name.got" | head -6 |
	    sed 's/^/#   /'
	ok $r "$name in $label shows what its UTF-8 original shows"
	"$GLOSS" --json "$tmp/$name.legacy" | "$PYTHON3" -c '
import json, sys
d = json.load(sys.stdin)
m = [p["message"] for p in d["problems"] if p["message"].startswith("not UTF-8")]
sys.exit(0 if m and ("read as " + sys.argv[1]) in m[0] else 1)' "$label"
	ok $? "$name: --json says it was read as $label"
done <"$tmp/list"

# UTF-8 with a few stray Latin-1 bytes, and Chinese UTF-8 with some: UTF-8.
printf 'Title \342\200\234quoted\342\200\235\n\nA caf\351 and na\357ve text, mostly fine \342\200\224 really.\n' >"$tmp/mixed"
"$GLOSS" --json "$tmp/mixed" | "$PYTHON3" -c '
import json, sys
d = json.load(sys.stdin)
sys.exit(1 if [p for p in d["problems"] if "not UTF-8" in p["message"]] else 0)'
ok $? "UTF-8 with two stray bytes stays UTF-8"
"$PYTHON3" -c '
import sys
t = ("古城之旅\n\n" + "我们一大早就到了古城，那时市场还没有开门。" * 20 + "\n").encode("utf-8")
sys.stdout.buffer.write(t[:100] + b"\xff\xfe" + t[100:300] + b"\xb0" + t[300:])' >"$tmp/zhmixed"
"$GLOSS" --json "$tmp/zhmixed" | "$PYTHON3" -c '
import json, sys
d = json.load(sys.stdin)
sys.exit(1 if [p for p in d["problems"] if "not UTF-8" in p["message"]] else 0)'
ok $? "Chinese UTF-8 with three stray bytes stays UTF-8"
tap_done
