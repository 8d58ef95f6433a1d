import { findPeople } from '../../../src/extract/people';
import { fakeTokenizer, gazetteer } from './support';

const find = (text: string) => findPeople(text, gazetteer, fakeTokenizer());

describe('people in a sentence', () => {
  it('reads "Dr." as a title, not a career stage, and the institution in the parenthesis after the name', async () => {
    const [m] = await find('また Yang教授と密に連携する Dr. Graham Leverick (Tufts大学)を 4月に招聘し');
    const leverick = (await find('Dr. Graham Leverick (Tufts大学)を 4月に招聘し'))[0];
    expect(m.familyName).toBe('Yang');
    expect(leverick).toMatchObject({ name: 'Graham Leverick', familyName: 'Leverick', title: 'Dr.', stage: 'UNKNOWN', institution: 'institution:tufts' });
  });

  it('keeps a nobiliary particle with the family name', async () => {
    const [m] = await find('Cambridge 大学 (Dr. Michael De Volder) と議論');
    expect(m).toMatchObject({ name: 'Michael De Volder', familyName: 'De Volder' });
  });

  it('reads a family name before a Japanese title, with its institution before の', async () => {
    const [m] = await find('東北大学の岩瀬講師がドイツに 1 ヶ月間滞在して');
    expect(m).toMatchObject({ familyNameJa: '岩瀬', stage: 'LECTURER', institution: 'institution:tohoku-u', confidence: 0.9 });
  });

  it('keeps 准 with 教授 and strips an adverb before the name', async () => {
    expect((await find('名古屋大学の佐藤准教授が渡仏し'))[0]).toMatchObject({ familyNameJa: '佐藤', stage: 'ASSOCIATE_PROFESSOR' });
    expect((await find('2025 年度に再度西岡助教が渡英して'))[0]).toMatchObject({ familyNameJa: '西岡', stage: 'ASSISTANT_PROFESSOR' });
  });

  it('takes a name the dictionary does not know when a title follows, with less confidence', async () => {
    const [m] = await find('京都大学の邑瀬教授が');
    expect(m).toMatchObject({ familyNameJa: '邑瀬', stage: 'PROFESSOR', confidence: 0.6 });
  });

  it('reads the programme role before a name and the country side before a title', async () => {
    expect((await find('PI の中西は 9 月に訪独し'))[0]).toMatchObject({ familyNameJa: '中西', role: 'PI' });
    expect((await find('この滞在期間中にドイツ側博士研究員の Dr. Lukas Herbersも来日し'))[0]).toMatchObject({ familyName: 'Herbers', stage: 'POSTDOC', country: 'DE' });
  });

  it('gives coordinated names the institution stated before the first', async () => {
    const people = await find('東北大学の西原 Co-PI および Yu 助教は日英共同研究のベース作りのために渡英し');
    expect(people.map((p) => [p.familyName ?? p.familyNameJa, p.institution])).toEqual([
      ['西原', 'institution:tohoku-u'],
      ['Yu', 'institution:tohoku-u'],
    ]);
  });

  it('keeps unnamed people as cohorts: students of an institution, of a named lab, a group, companions', async () => {
    expect((await find('2025 年度に大阪大学大学院生が渡独し'))[0]).toMatchObject({ kind: 'cohort', institution: 'institution:osaka-u', stage: 'GRADUATE_STUDENT' });
    const schroder = await find('Braunschweig Technical University (BTU)の Daniel Schroder教授とその研究室に所属する大学院生を研究室に招き');
    expect(schroder.map((p) => [p.kind, p.institution])).toEqual([
      ['named', 'institution:tu-braunschweig'],
      ['cohort', 'institution:tu-braunschweig'],
    ]);
    expect((await find('東北大グループが BTU と JHIM を訪問し'))[0]).toMatchObject({ kind: 'cohort', cohortLabel: '東北大グループ', institution: 'institution:tohoku-u' });
    expect((await find('その後、東北大の岩瀬講師らがそれぞれ Tufts大学を訪問し')).map((p) => p.kind)).toEqual(['named', 'companions']);
    expect((await find('名古屋大学の大学院生 2 名が 5 月に')).find((p) => p.kind === 'cohort')).toMatchObject({ headcount: 2 });
  });

  it('does not take an institution or a country side for a name', async () => {
    expect(await find('東北大学・材料科学高等研究所・教授')).toEqual([]);
  });
});
