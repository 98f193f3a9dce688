import { describe, expect, it } from 'vitest';
import { checklist, criteriaTotal, deadlineOf, type Draft, fromChallenge, fromLjubljana, groupOfField, messageOfField, timelineProblem, toInput } from './form.js';

const empty: Draft = fromChallenge({
  title: { sl: 'Zavese', en: null },
  brief: null,
  kind: 'TOURISM',
  domains: [],
  partners: [],
  totalBudgetEur: null,
  awardsCount: null,
  rewards: [],
  reward: null,
  twoStage: null,
  ipTerms: null,
  evaluationCriteria: [],
  deadline: null,
  eligibility: { creativeKinds: [], municipalities: [], onSite: false },
  workingLanguages: [],
  visibility: 'PUBLIC',
});
const NOW = new Date('2026-06-01T10:00:00Z');

describe('challenge editor form', () => {
  it('reads Slovenian wall-clock deadlines in summer and winter time', () => {
    expect(fromLjubljana('2026-07-15', '12:00')?.toISOString()).toBe('2026-07-15T10:00:00.000Z');
    expect(fromLjubljana('2026-01-15', '12:00')?.toISOString()).toBe('2026-01-15T11:00:00.000Z');
    expect(deadlineOf({ deadlineDate: '2026-01-15', deadlineTime: '' })?.toISOString()).toBe('2026-01-15T22:59:00.000Z');
    const stored = fromChallenge({ ...toData(), deadline: '2026-07-15T10:00:00.000Z' });
    expect([stored.deadlineDate, stored.deadlineTime]).toEqual(['2026-07-15', '12:00']);
  });

  it('checks the timeline as the API does when publishing: no deadline, or one later than now', () => {
    expect(timelineProblem({ deadlineDate: '', deadlineTime: '' }, NOW)).toBeNull();
    expect(timelineProblem({ deadlineDate: '2026-05-31', deadlineTime: '12:00' }, NOW)).toBe('deadlinePast');
    expect(timelineProblem({ deadlineDate: '2026-06-01', deadlineTime: '12:00' }, NOW)).toBe('deadlinePast');
    expect(timelineProblem({ deadlineDate: '2026-06-01', deadlineTime: '12:01' }, NOW)).toBeNull();
    expect(timelineProblem({ deadlineDate: '', deadlineTime: '10:00' }, NOW)).toBe('deadlineInvalid');
  });

  it('lists what is missing, with the server-required items marked and each tied to its step', () => {
    const items = checklist(empty, NOW);
    expect(items.filter((i) => i.required).map((i) => i.key)).toEqual(['brief']);
    expect(items.map((i) => [i.key, i.step])).toEqual(
      expect.arrayContaining([['title', 'basics'], ['brief', 'brief'], ['criteria', 'criteria'], ['deadline', 'timeline'], ['ip', 'ip'], ['rewards', 'rewards']]),
    );
    const past = checklist({ ...empty, brief: { sl: 'Opis', en: 'Brief' }, deadlineDate: '2026-01-01' }, NOW);
    expect(past.find((i) => i.key === 'deadlineFuture')).toMatchObject({ required: true, step: 'timeline' });
    const criteria = { ...empty, criteria: [{ name: { sl: 'Izvirnost', en: '' }, weight: '60' }, { name: { sl: 'Cena', en: '' }, weight: '30' }] };
    expect(criteriaTotal(criteria)).toBe(90);
    expect(checklist(criteria, NOW).map((i) => i.key)).toContain('criteriaTotal');
  });

  it('sends only the groups asked for, lists replacing stored ones, and numbers the server can refuse', () => {
    const draft: Draft = { ...empty, totalBudgetEur: 'abc', rewards: [{ kind: 'PRIZE_MONEY', amountEur: '1 000', description: { sl: '', en: '' } }] };
    expect(toInput(draft, ['brief'])).toEqual({ brief: { sl: null, en: null } });
    const rewards = toInput(draft, ['rewards']);
    expect(rewards.rewards).toEqual([{ kind: 'PRIZE_MONEY', amountEur: 1000, description: { sl: null, en: null } }]);
    expect(rewards.totalBudgetEur).toBe(-1);
    expect(rewards.twoStage).toBeNull();
    expect(toInput({ ...empty, deadlineDate: '' }, ['timeline'])).toEqual({ deadline: null });
  });

  it('keeps the techniques and materials the challenge has, and sends them with the basics', () => {
    const stored = fromChallenge({ ...toData(), techniques: [{ code: 'weaving' }], materials: [{ code: 'wool' }, { code: 'linen' }] });
    expect(stored.techniques).toEqual(['weaving']);
    expect(toInput(stored, ['basics'])).toMatchObject({ techniques: ['weaving'], materials: ['wool', 'linen'] });
    expect(fromChallenge(toData()).materials).toEqual([]);
    expect(messageOfField('techniques.0')).toBe('techniques');
  });

  it('maps server field paths to their step and message', () => {
    expect(groupOfField('input.criteria.1.weight')).toBe('criteria');
    expect(groupOfField('deadline')).toBe('timeline');
    expect(groupOfField('eligibility.municipalities')).toBe('eligibility');
    expect(groupOfField('twoStage.shortlistSize')).toBe('rewards');
    expect(messageOfField('criteria')).toBe('criteriaTotal');
    expect(messageOfField('criteria.0.name')).toBe('criterionName');
    expect(messageOfField('rewards.2.amountEur')).toBe('rewardAmount');
    expect(messageOfField('brief')).toBe('brief');
    expect(messageOfField('something')).toBe('generic');
  });
});

function toData() {
  return {
    title: null, brief: null, kind: 'INDUSTRY', domains: [], partners: [], totalBudgetEur: null, awardsCount: null, rewards: [], reward: null, twoStage: null, ipTerms: null,
    evaluationCriteria: [], deadline: null, eligibility: { creativeKinds: [], municipalities: [], onSite: false }, workingLanguages: [], visibility: 'PUBLIC',
  };
}
