import { proposeMovements, type ParagraphContext } from '../../../src/extract/movements';
import { findPeople } from '../../../src/extract/people';
import { fakeTokenizer, gazetteer } from './support';

async function movements(text: string, context: ParagraphContext = {}) {
  const sentence = { key: 's1-2-p1-1', section: 'x', paragraph: 1, index: 1, text };
  const people = await findPeople(text, gazetteer, fakeTokenizer());
  return proposeMovements(sentence, people, gazetteer, context, { fiscalYear: 2024, homeCountry: 'JP' }).map((m) => ({
    visitors: m.visitors.map((v) => v.familyName ?? v.familyNameJa ?? v.cohortLabel),
    to: m.destinations.map((d) => d.institution ?? `country:${d.country}`),
    probable: m.destinations.map((d) => d.probable).filter(Boolean),
    start: m.start,
    duration: m.duration ?? m.durationText,
    status: `${m.status.status}${m.status.scheduleChange === 'NONE' ? '' : `/${m.status.scheduleChange}`}`,
    times: m.times,
    relative: m.relative,
  }));
}

describe('movements in a sentence', () => {
  it('招聘: the object is invited to the home country', async () => {
    expect(await movements('ドイツ側 PIの Dr. Peter Bieker (Juelich Helmholtz-Institut Münster : JHIM)を 3 ヶ月間招聘し、当人の指導の下、具体的な共同研究を実施した。')).toEqual([
      { visitors: ['Bieker'], to: ['country:JP'], probable: [], start: undefined, duration: 'P3M', status: 'COMPLETED', times: 1, relative: false },
    ]);
  });

  it('渡独 with an institution only linked through a person: the country, and the institution as a probable reading', async () => {
    const [m] = await movements('PI の中西は 9 月に訪独し、Justus-Liebig-University Giessen (JLU)の Anja Henss 教授と共同研究に関する議論を対面で行った。');
    expect(m).toMatchObject({ visitors: ['中西'], to: ['country:DE'], probable: ['institution:jlu'], start: '2024-09', status: 'COMPLETED' });
  });

  it('渡英 then universities named as partners: one movement per university, a later clause with its own subject and date is its own movement', async () => {
    const found = await movements(
      '東北大学の西原 Co-PI および Yu 助教は日英共同研究のベース作りのために渡英し、 Nottingham 大学 (Dr. Lee Johnson)、 Cambridge 大学 (Dr. Michael De Volder) と議論を行い、2025 年に Yu 助教がCambridge 大学に 1 年間滞在して多孔質正極に関する共同研究を実施することとした。',
    );
    expect(found).toEqual([
      expect.objectContaining({ visitors: ['西原', 'Yu'], to: ['institution:nottingham', 'institution:cambridge'], status: 'COMPLETED' }),
      expect.objectContaining({ visitors: ['Yu'], to: ['institution:cambridge'], start: '2025', duration: 'P1Y', status: 'PLANNED' }),
    ]);
  });

  it('a stay at a named lab resolves to its institution through the head', async () => {
    const context: ParagraphContext = { institutionOfPerson: (family) => (family === 'Henss' ? 'institution:jlu' : undefined) };
    const [m] = await movements('その後、大阪大学・大学院生が Henss 研究室に 3 ヶ月滞在し、放電生成物の高度分析に関する共同研究を実施している。', context);
    expect(m).toMatchObject({ to: ['institution:jlu'], duration: 'P3M', status: 'IN_PROGRESS', relative: true });
  });

  it('a group visiting two institutions; repeated visits; 現地 from the paragraph', async () => {
    expect((await movements('以上の活動と並行し、東北大グループが BTU とJHIM を訪問し、共同研究を開始した。'))[0].to).toEqual(['institution:tu-braunschweig', 'institution:jhim']);
    expect((await movements('イギリス側 PI の Dr. Lee Johnson が 2 度にわたり来日し、議論を行った。'))[0].times).toBe(2);
    const context: ParagraphContext = { country: 'US' };
    expect((await movements('具体的には東北大の井上助教が 2025 年に現地に長期滞在し、分光学的実験を実施する計画となっている。', context))[0]).toMatchObject({
      to: ['country:US'],
      start: '2025',
      duration: '長期滞在',
      status: 'PLANNED',
    });
  });

  it('a pronoun visits as the last named person; a postponed visit is planned for its new time', async () => {
    expect((await movements('アメリカ側 PI の Yang Shao-Horn (MIT)とは、彼女の来日および国際会議のタイミングを利用し、次年度以降の共同研究計画を立てている。'))[0]).toMatchObject({
      visitors: ['Shao-Horn'],
      to: ['country:JP'],
      status: 'COMPLETED',
    });
    expect((await movements('韓国側 PI の Dr. Jihoon Kim が 10 月に予定していた来日は、先方の事情により次年度へ延期となった。'))[0]).toMatchObject({
      start: 'FY2025',
      status: 'PLANNED/POSTPONED',
    });
  });
});
