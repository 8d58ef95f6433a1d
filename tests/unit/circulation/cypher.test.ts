import { int } from 'neo4j-driver';
import { circulationStatements, decodeCirculationFacts } from '../../../src/store/neo4j/cypher/circulation';
import { fiscalYearRange } from '../../../src/domain/fiscalYear';
import { REL_TYPES } from '../../../src/store/graph';
import { LABELS } from '../../../src/domain/ids';

/** The Cypher builders without a database: values travel as parameters, names come from the whitelists. */
const FY2024 = fiscalYearRange(2024);

describe('circulationStatements', () => {
  const s = circulationStatements({ period: FY2024, groupBy: 'COUNTRY', includePlanned: false, timelineLimit: 5 });
  const all = [s.facts, s.undated, s.timeline!];

  it('passes every value as a parameter: no date, status list or limit in the text', () => {
    for (const q of all) {
      expect(q.cypher).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(q.cypher).not.toMatch(/'(COMPLETED|IN_PROGRESS|PLANNED|CANCELLED)'/);
    }
    expect(s.facts.params).toMatchObject({
      epoch: '1970-01-01',
      periodStart: int(19814),
      periodEnd: int(20178),
      periodEndText: '2025-03-31',
      oneMonth: 30.4375,
      sixMonths: 182.625,
      counted: ['COMPLETED', 'IN_PROGRESS'],
    });
    expect(s.timeline!.params.limit).toEqual(int(5));
    expect(circulationStatements({ period: FY2024, groupBy: 'COUNTRY', includePlanned: true }).facts.params.counted).toEqual(['COMPLETED', 'IN_PROGRESS', 'PLANNED']);
  });

  it('names only whitelisted labels and relationship types', () => {
    for (const q of all) {
      for (const [, name] of q.cypher.matchAll(/\(\w*:(\w+)/g)) expect(LABELS).toContain(name);
      for (const [, types] of q.cypher.matchAll(/\[:([\w|]+)\]/g)) for (const t of types.split('|')) expect(REL_TYPES).toContain(t);
    }
  });

  it('aggregates in the database: visits placed once, flows, people and ties each grouped in a subquery, the timeline limited there', () => {
    expect(s.facts.cypher.match(/MATCH \(p:Person\)-\[:MADE\]->\(v:Visit\)/g)).toHaveLength(1);
    expect(s.facts.cypher.match(/CALL \(placed\) \{/g)).toHaveLength(3);
    expect(s.facts.cypher).toMatch(/count\(\*\) AS stays, sum\(overlap \* weight\) AS personDays/);
    expect(s.facts.cypher).toMatch(/WITH DISTINCT p, weight, roleGroup\[0\] AS role/);
    expect(s.facts.cypher).toMatch(/ORDER BY s, latest, stated/);
    expect(s.facts.cypher).toMatch(/collect\(\{s: s, stated: stated\}\)\[0\] AS first/);
    expect(s.facts.cypher).toMatch(/RETURN flows, people, ties$/);
    expect(s.timeline!.cypher).toMatch(/rows\[0\.\.\$limit\]/);
  });

  it('picks the group expressions by level from a closed switch', () => {
    const country = circulationStatements({ period: FY2024, groupBy: 'COUNTRY', includePlanned: false }).facts.cypher;
    const institution = circulationStatements({ period: FY2024, groupBy: 'INSTITUTION', includePlanned: false }).facts.cypher;
    const lab = circulationStatements({ period: FY2024, groupBy: 'LAB', includePlanned: false }).facts.cypher;
    expect(country).toContain('fc.id AS fromGroup');
    expect(institution).toContain('CASE WHEN coalesce(fi.placeholder, false) THEN null ELSE fi.id END AS fromGroup'); // a placeholder is no group
    expect(lab).toContain('CASE WHEN coalesce(fi.placeholder, false) THEN fc.id ELSE fi.id END'); // LAB falls back to a placeholder's country
    expect(lab).toMatch(/MEMBER_OF\|HEADS\]->\(l:Lab\)-\[:PART_OF\]->\(fi\)/);
    expect(lab).toMatch(/\(v\)-\[:AT\]->\(l:Lab\)/);
    expect(circulationStatements({ period: FY2024, groupBy: 'LAB', includePlanned: false }).timeline).toBeNull();
  });
});

describe('decodeCirculationFacts', () => {
  it('turns rows into canonical facts, day numbers into dates', () => {
    const facts = decodeCirculationFacts({
      flows: [
        { fromGroup: 'country:JP', toGroup: 'country:DE', fromCountry: 'JP', toCountry: 'DE', status: 'COMPLETED', scheduleChange: 'NONE', stayClass: 'UNKNOWN', careerStage: 'UNKNOWN', stays: 2, personDays: 0, uncertain: 2 },
      ],
      people: [{ role: 'OUTBOUND', grp: null, careerStage: 'UNKNOWN', people: 1 }],
      ties: [{ groupA: 'country:JP', groupB: 'country:DE', first: 19814, stated: 'FY2024' }],
      undated: [{ undated: 3 }],
      timeline: [
        {
          total: 2,
          rows: [
            {
              visit: 'visit:x', person: 'person:p', fromGroup: 'country:JP', toGroup: 'country:DE', fromCountry: 'JP', toCountry: 'DE',
              fromInstitution: 'institution:a', toInstitution: 'institution:b', start: 19814, end: null, startLatest: '2025-03-31',
              status: 'COMPLETED', scheduleChange: 'NONE', careerStage: 'UNKNOWN', uncertain: true,
            },
          ],
        },
      ],
    });
    expect(facts.people).toEqual([{ role: 'OUTBOUND', group: null, careerStage: 'UNKNOWN', people: 1 }]);
    expect(facts.newTies).toEqual([{ groupA: 'country:DE', groupB: 'country:JP', firstEvidence: '2024-04-01', firstEvidenceStated: 'FY2024' }]);
    expect(facts.undated).toBe(3);
    expect(facts.timeline[0]).toMatchObject({ start: '2024-04-01', end: null, uncertain: true });
    expect(facts.timelineTotal).toBe(2);
  });

  it('fails loudly on a row of the wrong shape', () => {
    expect(() => decodeCirculationFacts({ flows: [{ fromGroup: 1 }], people: [], ties: [], undated: [], timeline: null })).toThrow(/fromGroup/);
  });
});
