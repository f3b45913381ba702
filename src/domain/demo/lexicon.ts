// Name parts for the fictional towns. Generic place names that exist in many Japanese cities, so
// none points at one real neighbourhood; readings are the common ones. Romaji feed readable ids.
import { w, type Word } from './words';

export type PlaceName = Word & { romaji: string };

const p = (ja: string, kana: string, romaji: string): PlaceName => ({ ja, kana, romaji });

/** 町名: at least 36 + spare per town (each 小学校区 takes one name, spares become extra 町名). */
export const PLACE_NAMES: readonly PlaceName[] = [
  p('本町', 'ほんちょう', 'honcho'),
  p('栄町', 'さかえちょう', 'sakaecho'),
  p('緑町', 'みどりちょう', 'midoricho'),
  p('旭町', 'あさひちょう', 'asahicho'),
  p('寿町', 'ことぶきちょう', 'kotobukicho'),
  p('幸町', 'さいわいちょう', 'saiwaicho'),
  p('元町', 'もとまち', 'motomachi'),
  p('仲町', 'なかちょう', 'nakacho'),
  p('宮本町', 'みやもとちょう', 'miyamotocho'),
  p('錦町', 'にしきちょう', 'nishikicho'),
  p('若葉', 'わかば', 'wakaba'),
  p('桜台', 'さくらだい', 'sakuradai'),
  p('青葉台', 'あおばだい', 'aobadai'),
  p('富士見', 'ふじみ', 'fujimi'),
  p('日の出', 'ひので', 'hinode'),
  p('松原', 'まつばら', 'matsubara'),
  p('竹ノ内', 'たけのうち', 'takenouchi'),
  p('梅田', 'うめだ', 'umeda'),
  p('柳町', 'やなぎまち', 'yanagimachi'),
  p('泉', 'いずみ', 'izumi'),
  p('新田', 'しんでん', 'shinden'),
  p('大谷', 'おおや', 'oya'),
  p('上野田', 'かみのだ', 'kaminoda'),
  p('下野田', 'しものだ', 'shimonoda'),
  p('並木', 'なみき', 'namiki'),
  p('川端', 'かわばた', 'kawabata'),
  p('八幡', 'やわた', 'yawata'),
  p('稲荷', 'いなり', 'inari'),
  p('宮前', 'みやまえ', 'miyamae'),
  p('原山', 'はらやま', 'harayama'),
  p('東山', 'ひがしやま', 'higashiyama'),
  p('西原', 'にしはら', 'nishihara'),
  p('北原', 'きたはら', 'kitahara'),
  p('南台', 'みなみだい', 'minamidai'),
  p('平和台', 'へいわだい', 'heiwadai'),
  p('美園', 'みその', 'misono'),
  p('常盤', 'ときわ', 'tokiwa'),
  p('春日', 'かすが', 'kasuga'),
  p('白山', 'はくさん', 'hakusan'),
  p('神明', 'しんめい', 'shinmei'),
  p('天神', 'てんじん', 'tenjin'),
  p('大原', 'おおはら', 'ohara'),
  p('高砂', 'たかさご', 'takasago'),
  p('桃園', 'ももぞの', 'momozono'),
  p('花園', 'はなぞの', 'hanazono'),
  p('光が丘', 'ひかりがおか', 'hikarigaoka'),
  p('緑が丘', 'みどりがおか', 'midorigaoka'),
  p('星川', 'ほしかわ', 'hoshikawa'),
  p('清水', 'しみず', 'shimizu'),
  p('大沢', 'おおさわ', 'osawa'),
  p('長沼', 'ながぬま', 'naganuma'),
  p('石田', 'いしだ', 'ishida'),
  p('森下', 'もりした', 'morishita'),
  p('柏木', 'かしわぎ', 'kashiwagi'),
  p('鶴ケ丘', 'つるがおか', 'tsurugaoka'),
  p('駒形', 'こまがた', 'komagata'),
  p('高台', 'たかだい', 'takadai'),
  p('新町', 'しんまち', 'shinmachi'),
  p('大町', 'おおまち', 'omachi'),
  p('田町', 'たまち', 'tamachi'),
];

/** 愛称 for salons, cafés, centres: hiragana, kanji and katakana ones, as real listings mix them. */
export const NICKNAMES: readonly Word[] = [
  w('ひだまり'), w('なごみ'), w('ひまわり'), w('たんぽぽ'), w('すみれ'), w('さくら'), w('かがやき'),
  w('えがお'), w('ぬくもり'), w('あおぞら'), w('こもれび'), w('やすらぎ'), w('まんまる'), w('ほっと'),
  w('にじいろ'), w('そよかぜ'), w('どんぐり'), w('くるみ'), w('なのはな'), w('ぽかぽか'), w('みらい'),
  w('つくし'), w('和', 'なごみ'), w('絆', 'きずな'), w('結', 'ゆい'), w('憩', 'いこい'),
  w('陽だまり', 'ひだまり'), w('虹', 'にじ'), w('灯', 'あかり'), w('縁側', 'えんがわ'), w('四つ葉', 'よつば'),
  w('大樹', 'たいじゅ'), w('ポプラ', 'ぽぷら'), w('オリーブ', 'おりーぶ'), w('スマイル', 'すまいる'),
  w('コスモス', 'こすもす'), w('クローバー', 'くろーばー'), w('ミモザ', 'みもざ'), w('ハーモニー', 'はーもにー'),
];

/** Common surnames, for shops that offer job trials. */
export const SURNAMES: readonly Word[] = [
  w('佐藤', 'さとう'), w('鈴木', 'すずき'), w('高橋', 'たかはし'), w('田中', 'たなか'), w('渡辺', 'わたなべ'),
  w('伊藤', 'いとう'), w('山本', 'やまもと'), w('中村', 'なかむら'), w('小林', 'こばやし'), w('加藤', 'かとう'),
  w('吉田', 'よしだ'), w('山田', 'やまだ'), w('松本', 'まつもと'), w('井上', 'いのうえ'), w('木村', 'きむら'),
  w('斎藤', 'さいとう'), w('森', 'もり'), w('池田', 'いけだ'), w('橋本', 'はしもと'), w('石川', 'いしかわ'),
];

/** Stems for the extra towns of a scaled (benchmark) dataset: 「あおば市（デモ2）」… */
export const TOWN_STEMS: readonly (Word & { romaji: string })[] = [
  { ja: 'かさね', kana: 'かさね', romaji: 'kasane' },
  { ja: 'あおば', kana: 'あおば', romaji: 'aoba' },
  { ja: 'みずほ', kana: 'みずほ', romaji: 'mizuho' },
  { ja: 'ひかり', kana: 'ひかり', romaji: 'hikari' },
  { ja: 'さくら野', kana: 'さくらの', romaji: 'sakurano' },
  { ja: 'つばさ', kana: 'つばさ', romaji: 'tsubasa' },
  { ja: '緑川', kana: 'みどりかわ', romaji: 'midorikawa' },
  { ja: '朝霧', kana: 'あさぎり', romaji: 'asagiri' },
  { ja: 'いろは', kana: 'いろは', romaji: 'iroha' },
  { ja: '結城野', kana: 'ゆうきの', romaji: 'yukino' },
  { ja: '星野台', kana: 'ほしのだい', romaji: 'hoshinodai' },
  { ja: 'なないろ', kana: 'なないろ', romaji: 'nanairo' },
];
