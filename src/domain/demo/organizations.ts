// The organizations (運営団体) of one town: every kind the taxonomy knows, in proportions a town
// of about 150,000 people would have. Some carry a 法人番号; all of those are fictional but valid.
import type { Organization } from '../model';
import { corporateCheckDigit } from '../corporate-number';
import type { OrganizationKind } from '../taxonomy';
import type { DemoTown } from './areas';
import { NICKNAMES, SURNAMES } from './lexicon';
import type { Rng } from './rng';
import { join, toKatakana, w, type Word } from './words';

export type DemoOrganization = Organization & {
  homeDistrict?: number; // 自治会: the 小学校区 it belongs to
  shop?: Word; // 企業: the shop where staff arrange job trials
};

const SOCIAL_WELFARE_CORPORATIONS = [w('わかば会', 'わかばかい'), w('ひかり園', 'ひかりえん'), w('陽光会', 'ようこうかい'), w('やまびこ会', 'やまびこかい'), w('清風会', 'せいふうかい')];
const NPOS = [
  w('こどもの森', 'こどものもり'), w('ほっとスペース', 'ほっとすぺーす'), w('はたらくみらい', 'はたらくみらい'), w('ささえあいネット', 'ささえあいねっと'),
  w('まなびの家', 'まなびのいえ'), w('居場所づくりの会', 'いばしょづくりのかい'), w('多文化共生ネット', 'たぶんかきょうせいねっと'), w('ユースサポート', 'ゆーすさぽーと'),
];

/**
 * A 法人番号 that validates but should not collide with a real one: the 12-digit base starts with
 * 9999, a registry-office code that is not in use. Local governments follow the real scheme
 * (000020 + 全国地方公共団体コード), which for a fictional code is fictional too.
 */
function corporateNumber(base12: string): string {
  return `${corporateCheckDigit(base12)}${base12}`;
}
const fictionalBase = (rng: Rng, type: string) => `9999${type}${String(rng.int(0, 999_999)).padStart(6, '0')}`;

/** Readings are kept in either script: real directories mix them, and search must cope. */
const reading = (word: Word, rng: Rng) => (rng.chance(0.5) ? word.kana : toKatakana(word.kana));

export function buildOrganizations(town: DemoTown, rng: Rng, nextId: () => string): DemoOrganization[] {
  const { city } = town.spec;
  const stem = w(city.ja.replace(/市$/, ''), city.kana.replace(/し$/, ''));
  const orgs: DemoOrganization[] = [];
  const add = (kind: OrganizationKind, name: Word, extra: Partial<DemoOrganization> = {}) => {
    // undefined optional fields are left out, so objects equal their JSON round trip
    const defined = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));
    orgs.push({ id: nextId(), name: name.ja, kana: reading(name, rng), kind, trusted: false, ...defined });
  };

  add('social_welfare_council', join(w('社会福祉法人', 'しゃかいふくしほうじん'), city, w('社会福祉協議会', 'しゃかいふくしきょうぎかい')), {
    corporateNumber: corporateNumber(fictionalBase(rng, '05')),
    trusted: true,
  });
  add('government', join(city, w('役所 福祉部', 'やくしょふくしぶ')), {
    corporateNumber: corporateNumber(`000020${town.spec.municipalityCode}`),
    trusted: true,
  });
  for (const name of [join(stem, w('福祉会', 'ふくしかい')), ...SOCIAL_WELFARE_CORPORATIONS.slice(0, 4)])
    add('social_welfare_corporation', join(w('社会福祉法人', 'しゃかいふくしほうじん'), name), {
      corporateNumber: rng.chance(0.8) ? corporateNumber(fictionalBase(rng, '05')) : undefined,
      trusted: rng.chance(0.4),
    });
  for (const name of NPOS)
    add('npo', join(w('NPO法人', 'えぬぴーおーほうじん'), name, rng.chance(0.4) ? stem : ''), {
      corporateNumber: rng.chance(0.5) ? corporateNumber(fictionalBase(rng, '05')) : undefined,
    });
  town.elementary.forEach((district, k) => {
    const place = district.placeNames[0]!;
    add('neighborhood_association', join(place, rng.chance(0.6) ? w('自治会', 'じちかい') : w('町内会', 'ちょうないかい')), { homeDistrict: k });
  });
  addCompanies(add, stem, rng);
  addVoluntaryGroups(add, town, rng);
  return orgs;
}

type Add = (kind: OrganizationKind, name: Word, extra?: Partial<DemoOrganization>) => void;

function addCompanies(add: Add, stem: Word, rng: Rng): void {
  const [a, b, c] = rng.sample(SURNAMES, 3) as [Word, Word, Word];
  const [n1, n2] = rng.sample(NICKNAMES, 2) as [Word, Word];
  const kabushiki = w('株式会社', 'かぶしきがいしゃ');
  const yugen = w('有限会社', 'ゆうげんがいしゃ');
  const shops: [Word, Word, boolean][] = [
    // [organization name, shop name, has a 法人番号]
    [join(kabushiki, a, w('商店', 'しょうてん')), join(a, w('商店', 'しょうてん')), true],
    [join(b, w('青果店', 'せいかてん')), join(b, w('青果店', 'せいかてん')), false], // 個人事業: no 法人番号
    [join(kabushiki, c, w('製作所', 'せいさくしょ')), join(c, w('製作所', 'せいさくしょ')), true],
    [join(yugen, w('ベーカリー', 'べーかりー'), n1), join(w('ベーカリー', 'べーかりー'), n1), true],
    [join(kabushiki, w('カフェ', 'かふぇ'), n2), join(w('カフェ', 'かふぇ'), n2), false],
  ];
  for (const [name, shop, registered] of shops)
    add('company', name, { shop, corporateNumber: registered ? corporateNumber(fictionalBase(rng, '01')) : undefined });
  add('company', join(kabushiki, stem, w('ケアサービス', 'けあさーびす')), { corporateNumber: corporateNumber(fictionalBase(rng, '01')) });
}

function addVoluntaryGroups(add: Add, town: DemoTown, rng: Rng): void {
  const count = 14;
  const nicks = rng.sample(NICKNAMES, count);
  const places = rng.sample(town.elementary, count).map((e) => e.placeNames[0]!);
  const patterns: ((k: number) => Word)[] = [
    (k) => join(nicks[k]!, w('の会', 'のかい')),
    (k) => join(w('子ども食堂', 'こどもしょくどう'), nicks[k]!, w('実行委員会', 'じっこういいんかい')),
    (k) => join(places[k]!, w('ボランティアグループ', 'ぼらんてぃあぐるーぷ')),
    (k) => join(places[k]!, w('体操クラブ', 'たいそうくらぶ')),
    (k) => join(w('読み聞かせの会', 'よみきかせのかい'), nicks[k]!),
    (k) => join(places[k]!, w('おやじの会', 'おやじのかい')),
    (k) => join(places[k]!, w('ママサークル', 'ままさーくる')),
  ];
  for (let k = 0; k < count; k++) add('voluntary_group', patterns[k % patterns.length]!(k));
}
